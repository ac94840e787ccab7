// Rate limits and progressive back-off for the account endpoints (sign-in, sign-up, second factor,
// password reset, verification). One process keeps them in memory (rate-limiter-flexible); keys
// are HMACs (subject-key.ts). Several instances would swap in RateLimiterPostgres on the same pool.
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';

import { RateLimited } from '@/lib/errors';

/** points per duration (seconds). Failure limits count only failed attempts. */
export const AUTH_LIMITS = {
  /** Wrong passwords from one IP: the 11th within a minute is refused (ASVS 6.3.1). */
  signInFailuresPerIp: { points: 10, duration: 60 },
  /** Wrong second-factor codes from one IP. */
  twoFactorFailuresPerIp: { points: 10, duration: 60 },
  /** New accounts from one IP. */
  signUpPerIp: { points: 20, duration: 60 * 60 },
  /** Reset and verification emails requested from one IP. */
  emailRequestsPerIp: { points: 10, duration: 15 * 60 },
  /** Reset and verification emails for one address (whether or not it has an account). */
  emailRequestsPerAddress: { points: 3, duration: 60 * 60 },
  /** Emailed-link confirmations from one IP (guessing tokens is hopeless, but cheap to cap). */
  tokenUsesPerIp: { points: 20, duration: 10 * 60 },
  /** Wrong shared-link passwords from one IP (lib/sharing/shared-link-access.ts). */
  sharedLinkFailuresPerIp: { points: 10, duration: 60 },
} as const;

export type LimitName = keyof typeof AUTH_LIMITS;

/** Progressive back-off per account: after this many failures, each further one doubles the wait. */
export const BACKOFF_FREE_FAILURES = 4;
export const BACKOFF_FIRST_SECONDS = 15;
export const BACKOFF_MAX_SECONDS = 15 * 60;

interface Limiters {
  limits: Record<LimitName, RateLimiterMemory>;
  failures: RateLimiterMemory;
  lockout: RateLimiterMemory;
}

function createLimiters(): Limiters {
  const limits = Object.fromEntries(
    Object.entries(AUTH_LIMITS).map(([name, opts]) => [name, new RateLimiterMemory(opts)]),
  ) as Record<LimitName, RateLimiterMemory>;
  return {
    limits,
    failures: new RateLimiterMemory({ points: 1_000_000, duration: 60 * 60 }),
    lockout: new RateLimiterMemory({ points: 1, duration: 1 }),
  };
}

const globalForLimits = globalThis as unknown as { glanceAuthLimits?: Limiters };
const limiters = () => (globalForLimits.glanceAuthLimits ??= createLimiters());

/** Forgets every counter (tests). */
export function resetAuthLimits() {
  globalForLimits.glanceAuthLimits = createLimiters();
}

const seconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));

/** Throws RateLimited if `key` has used up `limit`, without counting this call. */
export async function assertWithinLimit(limit: LimitName, key: string): Promise<void> {
  const res = await limiters().limits[limit].get(key);
  if (res && res.consumedPoints >= AUTH_LIMITS[limit].points) throw new RateLimited(seconds(res.msBeforeNext));
}

/** Counts one use (or failure); throws RateLimited when this use goes over the limit. */
export async function consumeLimit(limit: LimitName, key: string): Promise<void> {
  try {
    await limiters().limits[limit].consume(key);
  } catch (error) {
    if (error instanceof RateLimiterRes) throw new RateLimited(seconds(error.msBeforeNext));
    throw error;
  }
}

/** Throws RateLimited while an account key is in back-off. */
export async function assertNotBackedOff(key: string): Promise<void> {
  const res = await limiters().lockout.get(key);
  if (res && res.consumedPoints > 1) throw new RateLimited(seconds(res.msBeforeNext));
}

/** Records a failure for an account key and returns the back-off it now has (0 for none). */
export async function recordFailureForBackoff(key: string): Promise<number> {
  const { failures, lockout } = limiters();
  const res = await failures.penalty(key, 1);
  const over = res.consumedPoints - BACKOFF_FREE_FAILURES;
  if (over <= 0) return 0;
  const wait = Math.min(BACKOFF_FIRST_SECONDS * 2 ** (over - 1), BACKOFF_MAX_SECONDS);
  await lockout.block(key, wait);
  return wait;
}

/** A success ends the account's back-off. */
export async function clearBackoff(key: string): Promise<void> {
  const { failures, lockout } = limiters();
  await Promise.all([failures.delete(key), lockout.delete(key)]);
}
