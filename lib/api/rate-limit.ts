// Per-token rate limits of the public API and MCP (rate-limiter-flexible, in this process's memory,
// like lib/ratelimit). Keys are token ids, never the token. Answers carry the RateLimit-* fields of
// draft-ietf-httpapi-ratelimit-headers (Limit, Remaining, Reset) so clients can pace themselves.
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';

import { RateLimited } from '@/lib/errors';

/** points per duration (seconds), per token. */
export const API_LIMITS = {
  /** Reads and management calls (stats, sites, goals, MCP). */
  requests: { points: 600, duration: 60 },
  /** Server-side events: a busy site's backend sends many (ingest's own per-site limit still applies). */
  events: { points: 100, duration: 1 },
} as const;
export type ApiLimitName = keyof typeof API_LIMITS;

export type ApiLimiters = Record<ApiLimitName, RateLimiterMemory>;

export function createApiLimiters(limits: Record<ApiLimitName, { points: number; duration: number }> = API_LIMITS) {
  return {
    requests: new RateLimiterMemory(limits.requests),
    events: new RateLimiterMemory(limits.events),
  } satisfies ApiLimiters;
}

const globalForLimits = globalThis as unknown as { glanceApiLimiters?: ApiLimiters };
export const apiLimiters = () => (globalForLimits.glanceApiLimiters ??= createApiLimiters());

export class ApiRateLimited extends RateLimited {
  constructor(
    retryAfterSeconds: number,
    readonly headers: Record<string, string>,
  ) {
    super(retryAfterSeconds, `Rate limit reached. Retry after ${retryAfterSeconds} seconds.`);
  }
}

function headersOf(limiter: RateLimiterMemory, res: RateLimiterRes): Record<string, string> {
  return {
    'RateLimit-Limit': String(limiter.points),
    'RateLimit-Remaining': String(Math.max(0, res.remainingPoints)),
    'RateLimit-Reset': String(Math.max(1, Math.ceil(res.msBeforeNext / 1000))),
  };
}

/** Counts one request; returns the headers to send, or throws ApiRateLimited (429 + Retry-After). */
export async function consumeApiLimit(limiter: RateLimiterMemory, tokenId: string): Promise<Record<string, string>> {
  try {
    return headersOf(limiter, await limiter.consume(tokenId));
  } catch (error) {
    if (!(error instanceof RateLimiterRes)) throw error;
    const retry = Math.max(1, Math.ceil(error.msBeforeNext / 1000));
    throw new ApiRateLimited(retry, headersOf(limiter, error));
  }
}
