// The few typed errors lib/ functions throw. Their messages are safe to show to the caller, and each
// carries the HTTP status it maps to; callers show the message and nothing else.
export class AppError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409 | 429,
    message: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class NotFound extends AppError {
  constructor(message = 'Not found') {
    super(404, message);
  }
}

/** Credentials or a code that do not match (the message never says which part was wrong). */
export class Unauthorized extends AppError {
  constructor(message = 'Please sign in') {
    super(401, message);
  }
}

export class Forbidden extends AppError {
  constructor(message = 'You do not have permission to do that') {
    super(403, message);
  }
}

export class Invalid extends AppError {
  constructor(
    message: string,
    readonly fieldErrors: Record<string, string> = {},
  ) {
    super(400, message);
  }
}

export class Conflict extends AppError {
  constructor(message: string) {
    super(409, message);
  }
}

export class RateLimited extends AppError {
  constructor(
    readonly retryAfterSeconds: number,
    message = `Too many attempts. Please wait ${formatWait(retryAfterSeconds)} and try again.`,
  ) {
    super(429, message);
  }
}

function formatWait(seconds: number): string {
  if (seconds < 90) return `${seconds} second${seconds === 1 ? '' : 's'}`;
  return `${Math.ceil(seconds / 60)} minutes`;
}

/**
 * The team requires two-factor authentication (its own policy, or its plan for owners) and the
 * caller has none yet: they are told, and see none of the team's data until they turn it on.
 */
export class TwoFactorRequired extends Forbidden {
  constructor(
    readonly teamId: string,
    readonly teamName: string,
  ) {
    super(
      `${teamName} requires two-factor authentication. Turn it on under Settings → Security to see the team’s data.`,
    );
  }
}
