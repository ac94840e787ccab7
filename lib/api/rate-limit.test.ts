import { describe, expect, it } from 'vitest';

import { API_LIMITS, ApiRateLimited, consumeApiLimit, createApiLimiters } from './rate-limit';

describe('per-token API limits', () => {
  it('allow exactly the documented number of requests per window, then refuse with headers', async () => {
    const { requests, events } = createApiLimiters();
    for (let i = 1; i <= API_LIMITS.requests.points; i++) {
      const headers = await consumeApiLimit(requests, 'token-a');
      expect(headers['RateLimit-Remaining']).toBe(String(API_LIMITS.requests.points - i));
    }
    const refused = await consumeApiLimit(requests, 'token-a').catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ApiRateLimited);
    const limited = refused as ApiRateLimited;
    expect(limited.retryAfterSeconds).toBeGreaterThan(0);
    expect(limited.retryAfterSeconds).toBeLessThanOrEqual(API_LIMITS.requests.duration);
    expect(limited.headers).toMatchObject({
      'RateLimit-Limit': String(API_LIMITS.requests.points),
      'RateLimit-Remaining': '0',
    });
    // Another token is counted on its own.
    await expect(consumeApiLimit(requests, 'token-b')).resolves.toBeDefined();
    for (let i = 0; i < API_LIMITS.events.points; i++) await consumeApiLimit(events, 'token-a');
    await expect(consumeApiLimit(events, 'token-a')).rejects.toBeInstanceOf(ApiRateLimited);
  });
});
