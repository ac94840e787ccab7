// The correctness suite: a handful of hand-written visits, and every number worked out by hand.
//
// Site time zone Europe/Berlin (UTC+1 in November); "now" is 2026-11-20 12:00 UTC (13:00 in Berlin).
//   A  visitor 1, Google, DE, Firefox desktop: 19 Nov 10:00Z "/", 10:02Z "/pricing", 10:05Z Signup
//      {plan: pro} with 19 EUR                      → 2 pageviews, 3 events, 300 s, entry "/", exit "/pricing"
//   B  visitor 2, direct, FR, Chrome mobile: 19 Nov 22:50Z "/blog/a", 23:10Z "/blog/b"
//      → 23:50 to 00:10 in Berlin: one visit across local midnight, on the 19th; 1,200 s
//   F  visitor 5, direct, NL, Firefox desktop: 19 Nov 23:30Z "/"   → the 20th in Berlin, the 19th in UTC; bounce
//   C  visitor 3, Hacker News, US, Safari mobile: 20 Nov 08:00Z "/"   → bounce, 0 s
//   D  visitor 1 again, Google: 20 Nov 09:00Z "/pricing"              → bounce, 0 s (a new visit: > 30 min)
//   E  visitor 4, direct: 10 Nov 12:00Z "/"                          → only in the previous 7 days
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createTestDatabase, type TestDatabase } from '@/lib/db/test-database';
import type { EnrichedHit } from '@/lib/ingest/enriched-hit';
import type { Source } from '@/lib/ingest/referrer';
import type { DeviceInfo } from '@/lib/ingest/user-agent';
import { testHit } from '@/lib/ingest/test-hit';
import { writeHits } from '@/lib/ingest/write-hits';
import { Invalid } from '@/lib/errors';

import { queryStats, type StatsSite } from './query-stats';
import type { StatsQueryInput } from './schema';

let test: TestDatabase;
let berlin: StatsSite;
let utc: StatsSite;
const now = new Date('2026-11-20T12:00:00Z');

const google: Source = { referrerDomain: 'www.google.com', referrerSource: 'Google', channel: 'search' };
const direct: Source = { referrerDomain: null, referrerSource: null, channel: 'direct' };
const hackerNews: Source = { referrerDomain: 'news.ycombinator.com', referrerSource: 'Hacker News', channel: 'social' };
const firefox: DeviceInfo = {
  browser: 'Firefox',
  browserVersion: '150',
  os: 'Linux',
  osVersion: null,
  device: 'desktop',
};
const chrome: DeviceInfo = {
  browser: 'Chrome',
  browserVersion: '140',
  os: 'Android',
  osVersion: '15',
  device: 'mobile',
};
const safari: DeviceInfo = { browser: 'Safari', browserVersion: '19', os: 'iOS', osVersion: '19', device: 'mobile' };
const place = (country: string) => ({ country, region: null, city: null });

function fixture(siteId: string): EnrichedHit[] {
  const a = { source: google, place: place('DE'), device: firefox };
  const b = { source: direct, place: place('FR'), device: chrome };
  const c = { source: hackerNews, place: place('US'), device: safari };
  return [
    testHit(siteId, 1n, '2026-11-19T10:00:00Z', '/', a),
    testHit(siteId, 1n, '2026-11-19T10:02:00Z', '/pricing', a),
    testHit(siteId, 1n, '2026-11-19T10:05:00Z', '/pricing', {
      ...a,
      name: 'Signup',
      props: { plan: 'pro' },
      revenue: { amount: '19', currency: 'EUR' },
    }),
    testHit(siteId, 2n, '2026-11-19T22:50:00Z', '/blog/a', b),
    testHit(siteId, 2n, '2026-11-19T23:10:00Z', '/blog/b', b),
    testHit(siteId, 5n, '2026-11-19T23:30:00Z', '/', { source: direct, place: place('NL'), device: firefox }),
    testHit(siteId, 3n, '2026-11-20T08:00:00Z', '/', c),
    testHit(siteId, 1n, '2026-11-20T09:00:00Z', '/pricing', a),
    testHit(siteId, 4n, '2026-11-10T12:00:00Z', '/', { source: direct, place: place('DE'), device: firefox }),
  ];
}

const ask = (input: StatsQueryInput, site = berlin, at = now) => queryStats(test.db, site, input, { now: at });
const only = async (input: StatsQueryInput, site = berlin) => (await ask(input, site)).rows.map((row) => row.metrics);

beforeAll(async () => {
  test = await createTestDatabase();
  const team = await test.db.team.create({ data: { name: 'Stats' } });
  const make = (domain: string, timezone: string) =>
    test.db.site.create({ data: { teamId: team.id, domain, timezone }, select: { id: true, timezone: true } });
  berlin = await make('berlin.example.com', 'Europe/Berlin');
  utc = await make('utc.example.com', 'UTC');
  for (const site of [berlin, utc]) {
    await writeHits(test.pool, fixture(site.id));
    await test.db.goal.createMany({
      data: [
        { siteId: site.id, kind: 'EVENT', eventName: 'Signup', displayName: 'Signup' },
        { siteId: site.id, kind: 'PAGEVIEW', pathPattern: '/pricing', displayName: 'Visit /pricing' },
        { siteId: site.id, kind: 'PAGEVIEW', pathPattern: '/blog/**', displayName: 'Read the blog' },
      ],
    });
  }
});
afterAll(() => test.drop());

const TOP_LINE = [
  'visitors',
  'visits',
  'pageviews',
  'views_per_visit',
  'bounce_rate',
  'visit_duration',
  'events',
] as const;

describe('top line', () => {
  it('counts the last 7 days', async () => {
    expect(await only({ metrics: [...TOP_LINE, 'revenue'], dateRange: '7d' })).toEqual([
      {
        visitors: 4,
        visits: 5,
        pageviews: 7,
        views_per_visit: 1.4,
        bounce_rate: 0.6,
        visit_duration: 300,
        events: 8,
        revenue: 19,
      },
    ]);
  });

  it('compares with the 7 days before, up to the same time of day', async () => {
    const { range } = await ask({ metrics: ['visitors'], dateRange: '7d' });
    expect(range.from.toISOString()).toBe('2026-11-13T23:00:00.000Z');
    expect(range.previous).toEqual({ from: new Date('2026-11-06T23:00:00Z'), to: new Date('2026-11-13T12:00:00Z') });
    expect(
      await only({ metrics: ['visitors', 'visits'], dateRange: { from: '2026-11-07', to: '2026-11-13' } }),
    ).toEqual([{ visitors: 1, visits: 1 }]);
  });

  it("counts today in the site's own time zone", async () => {
    // Berlin's 20 November began at 23:00 UTC on the 19th: visit F belongs to it, B (22:50) does not.
    expect(await only({ metrics: ['visitors', 'visits'], dateRange: 'today' })).toEqual([{ visitors: 3, visits: 3 }]);
    expect(await only({ metrics: ['visitors', 'visits'], dateRange: 'today' }, utc)).toEqual([
      { visitors: 2, visits: 2 },
    ]);
    expect(await only({ metrics: ['visitors', 'visits'], dateRange: 'yesterday' }, utc)).toEqual([
      { visitors: 3, visits: 3 },
    ]);
  });

  it('counts a visit that crosses midnight once, on the day it started', async () => {
    const { rows } = await ask({ metrics: ['visits'], dimensions: ['entry_page'], dateRange: '7d' });
    expect(rows.find((row) => row.value === '/blog/a')?.metrics).toEqual({ visits: 1 });
    const today = await ask({ metrics: ['visits'], dimensions: ['entry_page'], dateRange: 'today' });
    expect(today.rows.map((row) => row.value)).not.toContain('/blog/a');
  });

  it('shows realtime: the last 30 minutes', async () => {
    const rows = (await ask({ metrics: ['visitors'], dateRange: 'realtime' }, berlin, new Date('2026-11-20T09:10:00Z')))
      .rows;
    expect(rows.map((row) => row.metrics)).toEqual([{ visitors: 1 }]);
  });
});

describe('time series', () => {
  it('cuts days in the site time zone and fills the gaps with zeros', async () => {
    const { rows } = await ask({ metrics: ['visitors', 'pageviews'], dateRange: '7d', granularity: 'day' });
    expect(rows.map((row) => [row.bucket, row.metrics.visitors, row.metrics.pageviews])).toEqual([
      ['2026-11-14', 0, 0],
      ['2026-11-15', 0, 0],
      ['2026-11-16', 0, 0],
      ['2026-11-17', 0, 0],
      ['2026-11-18', 0, 0],
      ['2026-11-19', 2, 4],
      ['2026-11-20', 3, 3],
    ]);
    const inUtc = await ask({ metrics: ['visitors'], dateRange: '7d', granularity: 'day' }, utc);
    expect(inUtc.rows.slice(-2).map((row) => [row.bucket, row.metrics.visitors])).toEqual([
      ['2026-11-19', 3],
      ['2026-11-20', 2],
    ]);
  });

  it('cuts today into hours of local time', async () => {
    const { rows } = await ask({ metrics: ['visits'], dateRange: 'today', granularity: 'hour' });
    expect(rows).toHaveLength(13);
    expect(rows.filter((row) => row.metrics.visits).map((row) => [row.bucket, row.metrics.visits])).toEqual([
      ['2026-11-20T00:00', 1],
      ['2026-11-20T09:00', 1],
      ['2026-11-20T10:00', 1],
    ]);
  });
});

describe('breakdowns', () => {
  it('lists pages with visitors, pageviews, entry bounce rate and time on page', async () => {
    const { rows, totalRows } = await ask({
      metrics: ['visitors', 'pageviews', 'bounce_rate', 'time_on_page'],
      dimensions: ['page'],
      dateRange: '7d',
    });
    expect(totalRows).toBe(4);
    expect(rows.map((row) => [row.value, row.metrics])).toEqual([
      ['/', { visitors: 3, pageviews: 3, bounce_rate: 2 / 3, time_on_page: 120 }],
      ['/blog/a', { visitors: 1, pageviews: 1, bounce_rate: 0, time_on_page: 1200 }],
      ['/blog/b', { visitors: 1, pageviews: 1, bounce_rate: null, time_on_page: null }],
      ['/pricing', { visitors: 1, pageviews: 2, bounce_rate: 1, time_on_page: null }],
    ]);
  });

  it('lists sources with their own visits, bounce rate and duration', async () => {
    const rows = (
      await ask({
        metrics: ['visitors', 'visits', 'bounce_rate', 'visit_duration'],
        dimensions: ['source'],
        dateRange: '7d',
      })
    ).rows;
    expect(rows.map((row) => [row.value, row.metrics])).toEqual([
      ['Direct / None', { visitors: 2, visits: 2, bounce_rate: 0.5, visit_duration: 600 }],
      ['Google', { visitors: 1, visits: 2, bounce_rate: 0.5, visit_duration: 150 }],
      ['Hacker News', { visitors: 1, visits: 1, bounce_rate: 1, visit_duration: 0 }],
    ]);
  });

  it('pages, searches and sorts a breakdown', async () => {
    const page = await ask({ metrics: ['visitors'], dimensions: ['device'], dateRange: '7d', limit: 1, offset: 1 });
    expect(page.totalRows).toBe(2);
    // Two visitors each (desktop: 1 and 5, mobile: 2 and 3): ties are ordered by value.
    expect(page.rows.map((row) => row.value)).toEqual(['mobile']);
    const search = await ask({ metrics: ['pageviews'], dimensions: ['page'], dateRange: '7d', search: 'BLOG' });
    expect(search.rows.map((row) => row.value)).toEqual(['/blog/a', '/blog/b']);
    const sorted = await ask({
      metrics: ['pageviews'],
      dimensions: ['page'],
      dateRange: '7d',
      orderBy: { metric: 'pageviews', direction: 'asc' },
    });
    expect(sorted.rows.map((row) => row.value)).toEqual(['/blog/a', '/blog/b', '/pricing', '/']);
  });

  it('breaks custom event properties down by value, with revenue', async () => {
    expect(
      (await ask({ metrics: ['visitors', 'events', 'revenue'], dimensions: ['prop:plan'], dateRange: '7d' })).rows,
    ).toEqual([{ bucket: null, value: 'pro', metrics: { visitors: 1, events: 1, revenue: 19 } }]);
  });
});

describe('goals', () => {
  it('counts conversions and conversion rates per goal', async () => {
    const rows = (
      await ask({
        metrics: ['visitors', 'events', 'conversion_rate', 'revenue'],
        dimensions: ['goal'],
        dateRange: '7d',
      })
    ).rows;
    expect(rows.map((row) => [row.value, row.metrics])).toEqual([
      ['Read the blog', { visitors: 1, events: 2, conversion_rate: 1 / 4, revenue: 0 }],
      ['Signup', { visitors: 1, events: 1, conversion_rate: 1 / 4, revenue: 19 }],
      ['Visit /pricing', { visitors: 1, events: 2, conversion_rate: 1 / 4, revenue: 0 }],
    ]);
  });

  it('gives the conversion rate of each source for a goal', async () => {
    const rows = (
      await ask({
        metrics: ['visitors', 'conversion_rate'],
        dimensions: ['source'],
        filters: [{ dimension: 'goal', operator: 'is', values: ['Signup'] }],
        dateRange: '7d',
      })
    ).rows;
    expect(rows.map((row) => [row.value, row.metrics])).toEqual([['Google', { visitors: 1, conversion_rate: 1 }]]);
  });
});

describe('filters', () => {
  it('keeps the visits of a source', async () => {
    expect(
      await only({
        metrics: ['visitors', 'visits', 'pageviews', 'bounce_rate'],
        filters: [{ dimension: 'source', operator: 'is', values: ['Google'] }],
        dateRange: '7d',
      }),
    ).toEqual([{ visitors: 1, visits: 2, pageviews: 3, bounce_rate: 0.5 }]);
  });

  it('keeps the visits that viewed a page, counting only that page as pageviews', async () => {
    expect(
      await only({
        metrics: ['visitors', 'visits', 'pageviews', 'bounce_rate'],
        filters: [{ dimension: 'page', operator: 'is', values: ['/pricing'] }],
        dateRange: '7d',
      }),
    ).toEqual([{ visitors: 1, visits: 2, pageviews: 2, bounce_rate: 0.5 }]);
    expect(
      await only({
        metrics: ['visitors', 'visits', 'pageviews'],
        filters: [{ dimension: 'page', operator: 'is_not', values: ['/pricing'] }],
        dateRange: '7d',
      }),
    ).toEqual([{ visitors: 3, visits: 3, pageviews: 4 }]);
  });

  it('keeps a visit whose entry page the filter excludes, under its real entry page', async () => {
    const rows = (
      await ask({
        metrics: ['visits'],
        dimensions: ['entry_page'],
        filters: [{ dimension: 'page', operator: 'is', values: ['/pricing'] }],
        dateRange: '7d',
      })
    ).rows;
    expect(rows.map((row) => [row.value, row.metrics.visits])).toEqual([
      ['/', 1],
      ['/pricing', 1],
    ]);
  });

  it('combines filters, several values and contains', async () => {
    expect(
      await only({
        metrics: ['visitors'],
        filters: [
          { dimension: 'country', operator: 'is', values: ['FR', 'US'] },
          { dimension: 'page', operator: 'contains', values: ['BLOG'] },
        ],
        dateRange: '7d',
      }),
    ).toEqual([{ visitors: 1 }]);
    const pages = await ask({
      metrics: ['visitors'],
      dimensions: ['page'],
      filters: [{ dimension: 'entry_page', operator: 'is', values: ['/blog/a'] }],
      dateRange: '7d',
    });
    expect(pages.rows.map((row) => row.value)).toEqual(['/blog/a', '/blog/b']);
  });

  it('treats a hostile value as a value', async () => {
    expect(
      await only({
        metrics: ['visitors'],
        filters: [{ dimension: 'page', operator: 'contains', values: ["%' OR 1=1 --"] }],
        dateRange: '7d',
      }),
    ).toEqual([{ visitors: 0 }]);
  });
});

describe('validation', () => {
  it('refuses unknown dimensions, bad ranges and rates without a goal', async () => {
    await expect(ask({ metrics: ['visitors'], dimensions: ['password' as 'page'] })).rejects.toThrow(Invalid);
    await expect(ask({ metrics: ['visitors'], dateRange: { from: '2026-11-10', to: '2026-11-01' } })).rejects.toThrow(
      /must not end before/,
    );
    await expect(ask({ metrics: ['conversion_rate'] })).rejects.toThrow(/goal/);
    await expect(ask({ metrics: ['visitors'], dateRange: '12mo', granularity: 'minute' })).rejects.toThrow(/buckets/);
  });
});
