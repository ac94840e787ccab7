import { describe, expect, it } from 'vitest';

import { PLANS } from '@/lib/billing/plans';

import { fixedCutoffs, monthsBefore, trafficCutoff } from './policy';

describe('monthsBefore', () => {
  it('counts calendar months in UTC and keeps the time of day', () => {
    expect(monthsBefore(new Date('2026-11-23T10:15:00.123Z'), 24).toISOString()).toBe('2024-11-23T10:15:00.123Z');
    expect(monthsBefore(new Date('2026-01-15T00:00:00Z'), 1).toISOString()).toBe('2025-12-15T00:00:00.000Z');
  });

  it('clamps the day to the shorter month instead of spilling into the next', () => {
    expect(monthsBefore(new Date('2026-03-31T12:00:00Z'), 1).toISOString()).toBe('2026-02-28T12:00:00.000Z');
    expect(monthsBefore(new Date('2028-02-29T00:00:00Z'), 12).toISOString()).toBe('2027-02-28T00:00:00.000Z');
    expect(monthsBefore(new Date('2028-03-31T00:00:00Z'), 1).toISOString()).toBe('2028-02-29T00:00:00.000Z');
  });
});

describe('cut-offs', () => {
  const now = new Date('2026-11-23T12:00:00Z');

  it('gives each plan its own traffic retention, and the trial’s to teams without or with an unknown plan', () => {
    expect(trafficCutoff('business', now).toISOString()).toBe('2021-11-23T12:00:00.000Z');
    expect(trafficCutoff('growth', now).toISOString()).toBe('2023-11-23T12:00:00.000Z');
    expect(trafficCutoff(undefined, now)).toEqual(monthsBefore(now, PLANS.trial.limits.retentionMonths));
    expect(trafficCutoff('retired-plan', now)).toEqual(trafficCutoff('trial', now));
  });

  it('keeps sessions a day, tokens 30 days and the audit log 12 months', () => {
    expect(fixedCutoffs(now)).toEqual({
      sessions: new Date('2026-11-22T12:00:00Z'),
      apiTokens: new Date('2026-10-24T12:00:00Z'),
      auditLog: new Date('2025-11-23T12:00:00Z'),
    });
  });
});
