import { describe, expect, it } from 'vitest';

import { localDate, resolveRange, startOfLocalDay } from './range';

const now = new Date('2026-11-20T12:00:00Z');

describe('resolveRange', () => {
  it('starts days at local midnight, also on the days clocks change', () => {
    expect(startOfLocalDay('2026-03-29', 'Europe/Berlin').toISOString()).toBe('2026-03-28T23:00:00.000Z');
    expect(startOfLocalDay('2026-03-30', 'Europe/Berlin').toISOString()).toBe('2026-03-29T22:00:00.000Z');
    expect(startOfLocalDay('2026-11-02', 'America/New_York').toISOString()).toBe('2026-11-02T05:00:00.000Z');
    expect(startOfLocalDay('2026-11-20', 'Asia/Kolkata').toISOString()).toBe('2026-11-19T18:30:00.000Z');
  });

  it('knows which day it is where the site is', () => {
    expect(localDate(new Date('2026-11-20T23:30:00Z'), 'Asia/Tokyo')).toBe('2026-11-21');
    expect(localDate(new Date('2026-11-20T03:30:00Z'), 'America/Los_Angeles')).toBe('2026-11-19');
  });

  it('resolves each preset to local dates, never past now', () => {
    const dates = (range: Parameters<typeof resolveRange>[0]) => {
      const resolved = resolveRange(range, 'UTC', now, '2025-02-03');
      return [resolved.fromDate, resolved.toDate, resolved.granularity];
    };
    expect(dates('today')).toEqual(['2026-11-20', '2026-11-20', 'hour']);
    expect(dates('yesterday')).toEqual(['2026-11-19', '2026-11-19', 'hour']);
    expect(dates('7d')).toEqual(['2026-11-14', '2026-11-20', 'day']);
    expect(dates('month')).toEqual(['2026-11-01', '2026-11-20', 'day']);
    expect(dates('last_month')).toEqual(['2026-10-01', '2026-10-31', 'day']);
    expect(dates('year')).toEqual(['2026-01-01', '2026-11-20', 'week']);
    expect(dates('12mo')).toEqual(['2025-12-01', '2026-11-20', 'week']);
    expect(dates('all')).toEqual(['2025-02-03', '2026-11-20', 'month']);
    expect(dates({ from: '2026-01-01', to: '2026-01-31' })).toEqual(['2026-01-01', '2026-01-31', 'day']);
    expect(resolveRange('today', 'UTC', now).to).toEqual(now);
  });

  it('compares with the period just before, of the same length', () => {
    const yesterday = resolveRange('yesterday', 'UTC', now);
    expect(yesterday.previous).toEqual({
      from: new Date('2026-11-18T00:00:00Z'),
      to: new Date('2026-11-19T00:00:00Z'),
    });
    const realtime = resolveRange('realtime', 'UTC', now);
    expect(realtime.from).toEqual(new Date('2026-11-20T11:30:00Z'));
    expect(realtime.previous.to).toEqual(realtime.from);
  });
});
