// Rollups must give exactly the numbers raw rows give. Production-like traffic (visitor ids per UTC day,
// visits across midnight) for sites in time zones with odd offsets and DST changes; every kind of
// question is asked twice, once through rollups and once from raw rows only, and the answers compared.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createTestDatabase, type TestDatabase } from '@/lib/db/test-database';
import { writeHits } from '@/lib/ingest/write-hits';
import { runRetention } from '@/lib/retention/run-retention';

import type { Dimension } from '../query/dimensions';
import { queryStats, type StatsResult, type StatsSite } from '../query/query-stats';
import type { DateRange, StatsQueryInput } from '../query/schema';
import { forgetRollups } from './forget-rollups';
import { loadRollupPlan } from './load-plan';
import { removeSupersededRows } from './build-rollups';
import { runRollups } from './run-rollups';
import { trafficFixture } from './traffic-fixture';

let test: TestDatabase;
const sites: StatsSite[] = [];
// Europe changes clocks on 25 October, North America on 1 November; the Azores at local midnight.
const TIME_ZONES = ['Europe/Berlin', 'America/St_Johns', 'Asia/Kathmandu', 'UTC', 'Atlantic/Azores'];
const FIRST_DAY = '2026-10-15';
/** Just after midnight: yesterday is not closed yet, so two days are read raw. */
const EARLY = new Date('2026-11-05T01:00:00Z');
const LATER = new Date('2026-11-05T15:00:00Z');

const TOP_LINE = ['visitors', 'visits', 'pageviews', 'views_per_visit', 'bounce_rate', 'visit_duration', 'events'];
const VISIT_METRICS = ['visitors', 'visits', 'pageviews', 'bounce_rate', 'visit_duration', 'events', 'revenue'];
const EVENT_METRICS = ['visitors', 'visits', 'pageviews', 'events', 'revenue'];
const RANGES: DateRange[] = [
  '7d',
  '30d',
  'today',
  'yesterday',
  'month',
  'last_month',
  'all',
  { from: '2026-10-24', to: '2026-10-26' },
  { from: '2026-10-31', to: '2026-11-02' },
];

/** Rows in a stable order. */
function comparable(result: StatsResult) {
  const rows = (list: StatsResult['rows']) =>
    [...list].sort((a, b) => `${a.bucket}|${a.value}`.localeCompare(`${b.bucket}|${b.value}`));
  return {
    rows: rows(result.rows),
    totalRows: result.totalRows,
    comparison: result.comparison && rows(result.comparison),
  };
}

/** `actual` with each number that equals `expected`'s up to float noise (sums added in another order) replaced by it. */
function withinNoise(actual: unknown, expected: unknown): unknown {
  if (typeof actual === 'number' && typeof expected === 'number') {
    return Math.abs(actual - expected) <= 1e-9 * Math.max(1, Math.abs(expected)) ? expected : actual;
  }
  if (Array.isArray(actual) && Array.isArray(expected)) return actual.map((item, i) => withinNoise(item, expected[i]));
  if (actual && expected && typeof actual === 'object' && typeof expected === 'object') {
    const other = expected as Record<string, unknown>;
    return Object.fromEntries(Object.entries(actual).map(([key, value]) => [key, withinNoise(value, other[key])]));
  }
  return actual;
}

async function expectSameAnswers(site: StatsSite, input: StatsQueryInput, now: Date) {
  const [rolled, raw] = await Promise.all([
    queryStats(test.db, site, input, { now }),
    queryStats(test.db, site, input, { now, rollups: false }),
  ]);
  const expected = comparable(raw);
  expect(withinNoise(comparable(rolled), expected), JSON.stringify({ timezone: site.timezone, input })).toEqual(
    expected,
  );
}

function questions(range: DateRange, everyBreakdown: boolean): StatsQueryInput[] {
  const list: StatsQueryInput[] = [
    { metrics: [...TOP_LINE, 'revenue'] as never, dateRange: range, compare: true },
    ...(['day', 'week', 'month', 'auto'] as const).map((granularity) => ({
      metrics: TOP_LINE as never,
      granularity,
      dateRange: range,
      compare: true,
    })),
  ];
  if (!everyBreakdown) return list;
  const visitDimensions: Dimension[] = [
    'source',
    'channel',
    'referrer',
    'country',
    'browser',
    'os',
    'device',
    'entry_page',
    'exit_page',
  ];
  list.push(
    ...visitDimensions.map((dimension) => ({
      metrics: VISIT_METRICS as never,
      dimensions: [dimension],
      dateRange: range,
    })),
    ...(['hostname', 'event_name', 'prop:plan', 'prop:file'] as const).map((dimension) => ({
      metrics: EVENT_METRICS as never,
      dimensions: [dimension],
      dateRange: range,
    })),
    {
      metrics: ['visitors', 'pageviews', 'bounce_rate', 'time_on_page', 'visits'],
      dimensions: ['page'],
      dateRange: range,
    },
    { metrics: ['visitors', 'events', 'conversion_rate', 'revenue', 'visits'], dimensions: ['goal'], dateRange: range },
    { metrics: ['visitors', 'pageviews'], dimensions: ['page'], granularity: 'day', dateRange: range },
    { metrics: ['visitors', 'visits', 'bounce_rate'], dimensions: ['source'], granularity: 'week', dateRange: range },
    { metrics: ['visitors', 'pageviews'], dimensions: ['page'], dateRange: range, search: 'blog', limit: 2, offset: 1 },
  );
  return list;
}

async function expectEveryAnswerSame(now: Date) {
  for (const site of sites) {
    for (const range of RANGES) {
      const everyBreakdown = typeof range === 'object' || range === '7d' || range === 'yesterday';
      for (const input of questions(range, everyBreakdown)) await expectSameAnswers(site, input, now);
    }
  }
}

/** Visitors of the day with a visit closed before the instant and another still open then, over all sites. */
async function visitorsOnBothSides(day: string, closedBefore: Date): Promise<number> {
  const [row] = await test.db.$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM (
      SELECT "visitorId" FROM "Visit"
      WHERE "startedAt" >= ${day}::date AND "startedAt" < ${day}::date + 1
      GROUP BY "siteId", "visitorId"
      HAVING bool_or("lastSeenAt" < ${closedBefore}) AND bool_or("lastSeenAt" >= ${closedBefore})
    ) x`;
  return row!.n;
}

beforeAll(async () => {
  test = await createTestDatabase();
  const team = await test.db.team.create({ data: { name: 'Rollups' } });
  for (const [index, timezone] of TIME_ZONES.entries()) {
    const site = await test.db.site.create({
      data: { teamId: team.id, domain: `tz${index}.example.com`, timezone },
      select: { id: true, timezone: true },
    });
    sites.push(site);
    const hits = trafficFixture(site.id, { firstDay: FIRST_DAY, days: 22, people: 30, until: LATER, seed: index + 1 });
    for (let start = 0; start < hits.length; start += 400) await writeHits(test.pool, hits.slice(start, start + 400));
    await test.db.goal.createMany({
      data: [
        { siteId: site.id, kind: 'EVENT', eventName: 'Signup', displayName: 'Signup' },
        { siteId: site.id, kind: 'PAGEVIEW', pathPattern: '/blog/**', displayName: 'Read the blog' },
      ],
    });
  }
}, 120_000);
afterAll(() => test.drop());

describe('rollups', () => {
  it('answer every question as raw rows do, with the last closed day rolled up', async () => {
    const report = await runRollups(test.db, EARLY);
    // 15 Oct to 3 Nov: 20 closed days for each site; both goals were added to them.
    expect(report).toEqual({ days: 20 * sites.length, partialDays: 0, goals: 2 * sites.length, stopped: false });
    expect(await test.db.goal.count({ where: { rollupsReady: false } })).toBe(0);
    const plan = await loadRollupPlan(test.db, sites[0]!, { from: new Date(FIRST_DAY), to: EARLY }, 'day');
    expect(plan?.selections.length).toBeGreaterThan(20);
    // Yesterday and today; before the first visit there is nothing to roll up (or read).
    expect(plan?.rawSpans.at(-1)).toEqual({
      from: new Date('2026-11-04T00:00:00Z'),
      to: new Date('2026-11-06T00:00:00Z'),
    });
    await expectEveryAnswerSame(EARLY);
  }, 300_000);

  it('answer as raw rows do with yesterday rolled up in part, someone back for a second visit counted once', async () => {
    // At 01:00 yesterday is not closed; its visits that ended before 00:00 are (an hour of timeout and margin).
    const report = await runRollups(test.db, EARLY, { partialMinVisits: 0 });
    expect(report).toEqual({ days: 0, partialDays: sites.length, goals: 0, stopped: false });
    const closedBefore = new Date('2026-11-05T00:00:00Z');
    expect(await test.db.rollupDay.count({ where: { day: new Date('2026-11-04'), closedBefore } })).toBe(sites.length);
    const plan = await loadRollupPlan(test.db, sites[0]!, { from: new Date(FIRST_DAY), to: EARLY }, undefined);
    expect(plan?.rawSpans.slice(-2)).toEqual([
      { from: new Date('2026-11-04T00:00:00Z'), to: new Date('2026-11-05T00:00:00Z'), closedBefore },
      { from: new Date('2026-11-05T00:00:00Z'), to: new Date('2026-11-06T00:00:00Z') },
    ]);
    // The case the raw part must not count twice: one visitor, a closed and an open visit on that day.
    expect(await visitorsOnBothSides('2026-11-04', closedBefore)).toBeGreaterThan(0);
    await expectEveryAnswerSame(EARLY);
  }, 300_000);

  it('answer as raw rows do for a goal created after the days were rolled up, before and after its backfill', async () => {
    for (const site of sites) {
      await test.db.goal.create({
        data: { siteId: site.id, kind: 'PAGEVIEW', pathPattern: '/docs/*', displayName: 'Docs' },
      });
    }
    const goals: StatsQueryInput = { metrics: ['visitors', 'events', 'conversion_rate'], dimensions: ['goal'] };
    for (const site of sites) await expectSameAnswers(site, { ...goals, dateRange: '30d' }, LATER);
    expect(await runRollups(test.db, LATER)).toEqual({
      days: sites.length,
      partialDays: 0,
      goals: sites.length,
      stopped: false,
    });
    await expectEveryAnswerSame(LATER);
  }, 300_000);

  it('answer as raw rows do with today rolled up in part, and with a goal added to it later', async () => {
    const report = await runRollups(test.db, LATER, { partialMinVisits: 0 });
    expect(report).toEqual({ days: 0, partialDays: sites.length, goals: 0, stopped: false });
    const closedBefore = new Date('2026-11-05T14:00:00Z');
    expect(await visitorsOnBothSides('2026-11-05', closedBefore)).toBeGreaterThan(0);
    await expectEveryAnswerSame(LATER);
    // Nothing new to close within five minutes: the day is not rebuilt.
    const soon = new Date(LATER.getTime() + 60_000);
    expect(await runRollups(test.db, soon, { partialMinVisits: 0 })).toMatchObject({ partialDays: 0 });

    for (const site of sites) {
      await test.db.goal.create({
        data: { siteId: site.id, kind: 'PAGEVIEW', pathPattern: '/about', displayName: 'About' },
      });
    }
    expect(await runRollups(test.db, soon, { partialMinVisits: 0 })).toMatchObject({ goals: sites.length });
    const about = await test.db.rollup.count({ where: { day: new Date('2026-11-05'), dimension: 'goal' } });
    expect(about).toBeGreaterThan(0);
    for (const site of sites) {
      for (const range of ['today', '7d', 'month'] as const) {
        await expectSameAnswers(
          site,
          { metrics: ['visitors', 'events', 'conversion_rate'], dimensions: ['goal'], dateRange: range },
          LATER,
        );
      }
    }

    // Ten minutes on, the day is rebuilt; the rows of the build before stay for queries planned with them.
    const later = new Date(LATER.getTime() + 10 * 60_000);
    const generations = async () =>
      (
        await test.db.rollup.groupBy({
          by: ['closedBefore'],
          where: { siteId: sites[0]!.id, day: new Date('2026-11-05') },
        })
      ).map((row) => row.closedBefore?.toISOString());
    expect(await runRollups(test.db, later, { partialMinVisits: 0 })).toMatchObject({ partialDays: sites.length });
    expect((await generations()).sort()).toEqual(['2026-11-05T14:00:00.000Z', '2026-11-05T14:10:00.000Z']);
    const site = sites[0]!;
    for (const input of questions('7d', true)) await expectSameAnswers(site, input, later);
    // Once the newer build is old enough, the superseded rows go.
    expect(await removeSupersededRows(test.db, site.id, 0)).toBeGreaterThan(0);
    expect(await generations()).toEqual(['2026-11-05T14:10:00.000Z']);
    for (const input of questions('7d', false)) await expectSameAnswers(site, input, later);
  }, 300_000);

  it('are read: a rollup row changed by hand changes the answer', async () => {
    const [site] = sites;
    const before = await queryStats(test.db, site!, { metrics: ['visitors'], dateRange: '30d' }, { now: LATER });
    const changed = await test.db.$executeRaw`
      UPDATE "Rollup" SET visitors = visitors + 1000
      WHERE "siteId" = ${site!.id} AND dimension = '' AND whole AND day = '2026-10-28'`;
    expect(changed).toBe(1);
    const after = await queryStats(test.db, site!, { metrics: ['visitors'], dateRange: '30d' }, { now: LATER });
    expect(after.rows[0]!.metrics.visitors).toBe(before.rows[0]!.metrics.visitors! + 1000);
    await test.db.$executeRaw`
      UPDATE "Rollup" SET visitors = visitors - 1000
      WHERE "siteId" = ${site!.id} AND dimension = '' AND whole AND day = '2026-10-28'`;
  });

  it('are dropped when the time zone changes, and rebuilt in the new one', async () => {
    const site = sites[1]!;
    await test.db.site.update({ where: { id: site.id }, data: { timezone: 'Asia/Tokyo' } });
    // updateSite (lib/sites/update-site.ts) does this in the same transaction as the change.
    await forgetRollups(test.db, site.id);
    expect(await test.db.rollupDay.count({ where: { siteId: site.id } })).toBe(0);
    expect(await runRollups(test.db, LATER, { siteIds: [site.id] })).toMatchObject({ days: 21 });
    const tokyo = { id: site.id, timezone: 'Asia/Tokyo' };
    for (const input of questions('7d', true)) await expectSameAnswers(tokyo, input, LATER);
  }, 120_000);

  it('follow retention: days it cuts into are dropped, then rebuilt from what is left', async () => {
    // The trial keeps 24 months: two years later, the first days of the traffic are cut.
    const site = sites[3]!;
    const now = new Date('2028-10-20T12:00:00Z');
    await runRetention({ db: test.db, pool: test.pool }, now);
    const remaining = await test.db.rollupDay.count({ where: { siteId: site.id } });
    expect(remaining).toBeLessThan(21);
    await runRollups(test.db, LATER, { siteIds: [site.id] });
    for (const input of questions('all', true)) await expectSameAnswers(site, input, LATER);
  }, 120_000);
});
