import { describe, expect, it } from 'vitest';

import { bucketOf, planRollups } from './plan';

const days = (...list: string[]) => new Map(list.map((day) => [day, null]));
const range = (from: string, to: string) => ({ from: new Date(from), to: new Date(to) });

describe('planRollups', () => {
  it('takes whole days inside a UTC range, parts at its edges, and reads days without rollups raw', () => {
    // UTC: day d touches local d and, for its last 30 minutes of events, local d + 1.
    const plan = planRollups(
      days('2026-11-01', '2026-11-02', '2026-11-03'),
      range('2026-11-02T00:00:00Z', '2026-11-05T00:00:00Z'),
      'UTC',
      undefined,
    );
    expect(plan).toEqual({
      selections: [
        { bucket: null, day: '2026-11-01', localDate: '2026-11-02' },
        { bucket: null, day: '2026-11-02', localDate: null },
        { bucket: null, day: '2026-11-03', localDate: null },
      ],
      rawSpans: [{ from: new Date('2026-11-04T00:00:00Z'), to: new Date('2026-11-05T00:00:00Z') }],
    });
  });

  it('splits a day into its local dates for daily buckets', () => {
    // Berlin is UTC+1: UTC 2 November is 01:00 on the 2nd to 01:00 (+30 min) on the 3rd.
    const plan = planRollups(
      days('2026-11-02'),
      range('2026-11-01T23:00:00Z', '2026-11-03T23:00:00Z'),
      'Europe/Berlin',
      'day',
    );
    expect(plan?.selections).toEqual([
      { bucket: '2026-11-02', day: '2026-11-02', localDate: '2026-11-02' },
      { bucket: '2026-11-03', day: '2026-11-02', localDate: '2026-11-03' },
    ]);
  });

  it('reads a day raw when a range cuts through one of its local dates', () => {
    // Realtime and exact bounds are not made of whole local dates.
    expect(
      planRollups(days('2026-11-02'), range('2026-11-02T10:00:00Z', '2026-11-02T10:30:00Z'), 'UTC', undefined),
    ).toBeNull();
  });

  it('reads the open visits of a day rolled up in part raw, beside its rows; whole raw days still merge', () => {
    const closedBefore = new Date('2026-11-04T14:00:00Z');
    const plan = planRollups(
      new Map([
        ['2026-11-01', null],
        ['2026-11-04', closedBefore],
      ]),
      range('2026-11-02T00:00:00Z', '2026-11-05T00:00:00Z'),
      'UTC',
      undefined,
    );
    expect(plan).toEqual({
      selections: [
        { bucket: null, day: '2026-11-01', localDate: '2026-11-02' },
        { bucket: null, day: '2026-11-04', localDate: null, closedBefore },
      ],
      rawSpans: [
        { from: new Date('2026-11-02T00:00:00Z'), to: new Date('2026-11-04T00:00:00Z') },
        { from: new Date('2026-11-04T00:00:00Z'), to: new Date('2026-11-05T00:00:00Z'), closedBefore },
      ],
    });
  });

  it('takes the rows of a day rolled up in part for a range ending "now", after its closing instant', () => {
    // Berlin: UTC 30 November touches local 30 November and 1 December; its rows end at 14:00.
    const partial = new Map([
      ['2026-11-29', null],
      ['2026-11-30', new Date('2026-11-30T14:00:00Z')],
    ]);
    const plan = planRollups(partial, range('2026-11-29T23:00:00Z', '2026-11-30T16:02:00Z'), 'Europe/Berlin', 'day');
    expect(plan).toEqual({
      selections: [
        { bucket: '2026-11-30', day: '2026-11-29', localDate: '2026-11-30' },
        { bucket: '2026-11-30', day: '2026-11-30', localDate: null, closedBefore: new Date('2026-11-30T14:00:00Z') },
      ],
      rawSpans: [
        {
          from: new Date('2026-11-30T00:00:00Z'),
          to: new Date('2026-12-01T00:00:00Z'),
          closedBefore: new Date('2026-11-30T14:00:00Z'),
        },
      ],
    });
    // Ending before the closing instant, the range cuts what the rows hold.
    expect(planRollups(partial, range('2026-11-29T23:00:00Z', '2026-11-30T12:00:00Z'), 'UTC', undefined)).toBeNull();
  });

  it('reads a day rolled up in part wholly raw when the range cuts one of its local dates', () => {
    const partial = new Map([['2026-11-02', new Date('2026-11-02T09:00:00Z')]]);
    expect(planRollups(partial, range('2026-11-02T10:00:00Z', '2026-11-02T10:30:00Z'), 'UTC', undefined)).toBeNull();
  });

  it('labels buckets as SQL does: weeks from Monday, months from the 1st', () => {
    expect(bucketOf('2026-11-29', 'week')).toBe('2026-11-23');
    expect(bucketOf('2026-11-30', 'week')).toBe('2026-11-30');
    expect(bucketOf('2026-11-30', 'month')).toBe('2026-11-01');
    expect(bucketOf('2026-11-30', undefined)).toBeNull();
  });
});
