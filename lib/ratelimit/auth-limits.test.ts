import { beforeEach, describe, expect, it, vi } from 'vitest';

import { RateLimited } from '@/lib/errors';

import {
  assertNotBackedOff,
  assertWithinLimit,
  clearBackoff,
  consumeLimit,
  recordFailureForBackoff,
  resetAuthLimits,
} from './auth-limits';
import { subjectKey } from './subject-key';

beforeEach(() => resetAuthLimits());

describe('subjectKey', () => {
  it('is an HMAC: stable, distinct per kind and value, and never contains the value', () => {
    const key = subjectKey('ip', '203.0.113.77', 'x'.repeat(32));
    expect(key).toBe(subjectKey('ip', '203.0.113.77', 'x'.repeat(32)));
    expect(key).not.toContain('203.0.113');
    expect(key).not.toBe(subjectKey('email', '203.0.113.77', 'x'.repeat(32)));
    expect(key).not.toBe(subjectKey('ip', '203.0.113.78', 'x'.repeat(32)));
    expect(key).not.toBe(subjectKey('ip', '203.0.113.77', 'y'.repeat(32)));
  });
});

describe('failure limits', () => {
  it('refuses the 11th failure from one IP within a minute, with a retry time', async () => {
    const key = subjectKey('ip', '198.51.100.1');
    for (let i = 0; i < 10; i++) {
      await assertWithinLimit('signInFailuresPerIp', key);
      await consumeLimit('signInFailuresPerIp', key).catch(() => {});
    }
    const refused = await assertWithinLimit('signInFailuresPerIp', key).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(RateLimited);
    expect((refused as RateLimited).retryAfterSeconds).toBeGreaterThan(0);
    expect((refused as RateLimited).retryAfterSeconds).toBeLessThanOrEqual(60);
    await expect(assertWithinLimit('signInFailuresPerIp', subjectKey('ip', '198.51.100.2'))).resolves.toBeUndefined();
  });
});

describe('progressive back-off', () => {
  it('lets four failures pass, then doubles the wait from 15 s up to 15 minutes', async () => {
    vi.useFakeTimers();
    try {
      const key = subjectKey('email', 'ada@example.com');
      const waits: number[] = [];
      for (let i = 0; i < 12; i++) waits.push(await recordFailureForBackoff(key));
      expect(waits).toEqual([0, 0, 0, 0, 15, 30, 60, 120, 240, 480, 900, 900]);
      await expect(assertNotBackedOff(key)).rejects.toBeInstanceOf(RateLimited);
      await clearBackoff(key);
      await expect(assertNotBackedOff(key)).resolves.toBeUndefined();
    } finally {
      vi.useRealTimers();
    }
  });
});
