// The one mapping from lib/errors.ts to an HTTP answer: the safe message as JSON, Retry-After for
// rate limits, nothing from unexpected errors (they are logged and answered 500).
import { AppError, Invalid, RateLimited } from '@/lib/errors';
import { log } from '@/lib/log';

import { BodyTooLargeError } from './read-body';

const NO_STORE = { 'Cache-Control': 'no-store' };

export function errorResponse(error: unknown): Response {
  if (error instanceof AppError) {
    const headers: Record<string, string> = { ...NO_STORE };
    if (error instanceof RateLimited) headers['Retry-After'] = String(error.retryAfterSeconds);
    const fieldErrors =
      error instanceof Invalid && Object.keys(error.fieldErrors).length ? error.fieldErrors : undefined;
    return Response.json({ error: error.message, fieldErrors }, { status: error.status, headers });
  }
  if (error instanceof BodyTooLargeError) {
    return Response.json(
      { error: `The request body is larger than ${error.maxBytes} bytes.` },
      { status: 413, headers: NO_STORE },
    );
  }
  log.error({ err: error instanceof Error ? error.name : 'unknown' }, 'unexpected error in a route handler');
  return Response.json({ error: 'Something went wrong. Please try again.' }, { status: 500, headers: NO_STORE });
}
