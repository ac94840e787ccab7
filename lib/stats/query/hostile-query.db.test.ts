// Property-based fuzzing of the stats query parser and engine against a real database: anything at all,
// or a near-valid query full of hostile strings, either answers or is refused with Invalid — never another
// error, never slowly, never changing a row. Filter results are checked against a model computed in
// JavaScript over the same hits, so escaping mistakes (LIKE wildcards, quotes) show up as wrong numbers.
// FUZZ_RUNS=5000 npx vitest run --project db lib/stats/query/hostile-query.db.test.ts for a longer run.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createTestDatabase, type TestDatabase } from '@/lib/db/test-database';
import { Invalid } from '@/lib/errors';
import { testHit } from '@/lib/ingest/test-hit';
import { writeHits } from '@/lib/ingest/write-hits';
import { parseDashboardView } from '@/lib/stats/dashboard-view';

import { PLAIN_DIMENSIONS } from './dimensions';
import { queryStats, type StatsSite } from './query-stats';
import { FILTER_OPERATORS, GRANULARITIES, METRICS, RANGE_PRESETS, type StatsQueryInput } from './schema';

const RUNS = Number(process.env.FUZZ_RUNS ?? 150);
const TIMEOUT_MS = 60_000 + RUNS * 100;
const SLOWEST_ALLOWED_MS = 3_000; // generous: the CI machine has two shared cores
const NOW = new Date('2026-11-20T12:00:00Z');
const RANGE = { from: '2026-11-01', to: '2026-11-20' };

// Paths full of what SQL and LIKE treat specially; lower-case only, so ILIKE and toLowerCase agree.
const PATHS = ['/', '/pricing', '/100%', '/a_b', '/a-b', '/back\\slash', "/it's", '/"quoted"', '/é', '/日本', '/%_%'];

let test: TestDatabase;
let site: StatsSite;
let fingerprint: () => Promise<string>;

beforeAll(async () => {
  test = await createTestDatabase();
  const team = await test.db.team.create({ data: { name: 'Fuzz' } });
  site = await test.db.site.create({ data: { teamId: team.id, domain: 'query-fuzz.example.com' } });
  await test.db.goal.create({
    data: { siteId: site.id, kind: 'PAGEVIEW', pathPattern: '/a*', displayName: "Goal 'quoted' %" },
  });
  // Visitor n views PATHS[n], and every third one also the next path: 11 visitors, some two-page visits.
  await writeHits(
    test.pool,
    PATHS.flatMap((path, index) => {
      const at = new Date(Date.UTC(2026, 10, 2 + index, 10));
      const first = testHit(site.id, BigInt(index + 1), at, path);
      if (index % 3 !== 0) return [first];
      return [first, testHit(site.id, BigInt(index + 1), new Date(at.getTime() + 60_000), PATHS[(index + 1) % 11]!)];
    }),
  );
  fingerprint = async () => {
    const [row] = await test.db.$queryRawUnsafe<{ digest: string }[]>(
      `SELECT md5(string_agg(t::text, '|' ORDER BY t::text)) AS digest FROM (
         SELECT row_to_json(e)::text AS t FROM "Event" e UNION ALL SELECT row_to_json(v)::text FROM "Visit" v
         UNION ALL SELECT row_to_json(g)::text FROM "Goal" g UNION ALL SELECT row_to_json(s)::text FROM "Site" s) AS rows`,
    );
    return row!.digest;
  };
});

afterAll(async () => {
  await test.drop();
});

const hostileText = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.string({ unit: fc.nat(0xffff).map((code) => String.fromCharCode(code)), maxLength: 12 }),
  fc.constantFrom('%', '_', '\\', "'", '"', '\u0000', 'a\ud800', '\'; DROP TABLE "Event";--', '$1', '::text', '*'),
);

/** Queries shaped like the schema, with hostile strings wherever a string goes. */
const nearValidQuery: fc.Arbitrary<unknown> = fc.record(
  {
    metrics: fc.uniqueArray(fc.constantFrom(...METRICS), { minLength: 1, maxLength: 4 }),
    dimensions: fc.oneof(
      fc.constant([]),
      fc.tuple(fc.constantFrom(...PLAIN_DIMENSIONS, 'goal', 'prop:plan', 'prop:', 'prop:a b', 'nope')),
    ),
    granularity: fc.constantFrom(...GRANULARITIES, 'auto', 'fortnight'),
    filters: fc.array(
      fc.record({
        dimension: fc.constantFrom(...PLAIN_DIMENSIONS, 'goal', 'prop:plan', 'prop:%'),
        operator: fc.constantFrom(...FILTER_OPERATORS, 'like'),
        values: fc.array(hostileText, { minLength: 0, maxLength: 3 }),
      }),
      { maxLength: 3 },
    ),
    dateRange: fc.oneof(
      fc.constantFrom(...RANGE_PRESETS, 'forever'),
      fc.record({
        from: fc.constantFrom('2026-11-01', '2026-02-30', '1900-01-01', 'yesterday', "2026-11-01'"),
        to: fc.constantFrom('2026-11-20', '2026-11-01', '9999-12-31', ''),
      }),
    ),
    compare: fc.boolean(),
    orderBy: fc.record({ metric: fc.constantFrom(...METRICS), direction: fc.constantFrom('asc', 'desc', 'sideways') }),
    search: hostileText,
    limit: fc.oneof(fc.integer({ min: -5, max: 20_000 }), fc.double()),
    offset: fc.integer({ min: -5, max: 2_000_000 }),
  },
  { requiredKeys: ['metrics'] },
);

/** Runs a query; a refusal must be an Invalid (a 400), anything else fails the property. */
async function ask(input: unknown) {
  const started = performance.now();
  try {
    const result = await queryStats(test.db, site, input as StatsQueryInput, { now: NOW });
    return { result, ms: performance.now() - started };
  } catch (error) {
    if (!(error instanceof Invalid)) throw error;
    return { result: null, ms: performance.now() - started };
  }
}

describe('the stats query parser and engine under hostile input', () => {
  it(
    'answers or refuses with Invalid anything at all, in bounded time, changing nothing',
    async () => {
      const before = await fingerprint();
      await fc.assert(
        fc.asyncProperty(fc.oneof(fc.anything(), nearValidQuery, nearValidQuery), async (input) => {
          const { ms } = await ask(input);
          expect(ms).toBeLessThan(SLOWEST_ALLOWED_MS);
        }),
        { numRuns: RUNS },
      );
      expect(await fingerprint()).toBe(before);
    },
    TIMEOUT_MS,
  );

  it(
    'counts exactly the pageviews a page filter selects, whatever the filter text',
    async () => {
      const pageviews = await test.db.event.findMany({
        where: { siteId: site.id },
        select: { pathname: true, visitId: true },
      });
      const substring = fc.oneof(
        fc
          .constantFrom(...PATHS)
          .chain((path) =>
            fc
              .tuple(fc.nat(path.length), fc.nat(path.length))
              .map(([a, b]) => path.slice(Math.min(a, b), Math.max(a, b))),
          ),
        fc.string({ unit: fc.constantFrom('a', 'b', '%', '_', '\\', "'", '/', '-', 'é', '日'), maxLength: 4 }),
      );
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...FILTER_OPERATORS),
          fc.array(
            substring.filter((value) => value.length > 0),
            { minLength: 1, maxLength: 3 },
          ),
          async (operator, values) => {
            const { result } = await ask({
              metrics: ['pageviews'],
              filters: [{ dimension: 'page', operator, values }],
              dateRange: RANGE,
            });
            const matches = (path: string) =>
              operator === 'is' || operator === 'is_not'
                ? values.includes(path)
                : values.some((value) => path.toLowerCase().includes(value.toLowerCase()));
            // An event-level filter keeps the matching pageviews; its negation keeps the pageviews of the
            // visits that have no matching one (lib/stats/query/filters.ts).
            const matching = pageviews.filter(({ pathname }) => matches(pathname));
            const touched = new Set(matching.map(({ visitId }) => visitId));
            const positive = operator === 'is' || operator === 'contains';
            const expected = positive
              ? matching.length
              : pageviews.filter(({ visitId }) => !touched.has(visitId)).length;
            expect(result?.rows[0]?.metrics.pageviews ?? 0).toBe(expected);
          },
        ),
        { numRuns: RUNS },
      );
    },
    TIMEOUT_MS,
  );

  it(
    'reads any dashboard URL as a view whose query the engine accepts',
    async () => {
      const param = fc.oneof(hostileText, fc.array(hostileText, { maxLength: 3 }), fc.constant(undefined));
      const filterText = fc.oneof(
        hostileText,
        fc
          .tuple(
            fc.constantFrom(...PLAIN_DIMENSIONS, 'goal', 'x'),
            fc.constantFrom(...FILTER_OPERATORS, 'x'),
            hostileText,
          )
          .map(([dimension, operator, value]) => `${dimension}:${operator}:${value}`),
      );
      const filterParam = fc.oneof(filterText, fc.array(filterText, { maxLength: 4 }), fc.constant(undefined));
      await fc.assert(
        fc.asyncProperty(
          fc.record({
            period: fc.oneof(param, fc.constantFrom(...RANGE_PRESETS, 'custom')),
            from: param,
            to: param,
            f: filterParam,
            metric: param,
            interval: fc.oneof(param, fc.constantFrom(...GRANULARITIES)),
            sources: param,
          }),
          async (params) => {
            const view = parseDashboardView(params);
            const { result } = await ask({
              metrics: ['visitors'],
              filters: view.filters,
              dateRange: view.range,
              granularity: view.interval ?? 'auto',
            });
            // Everything the URL parser lets through is a question the engine answers (or, for a view whose
            // granularity does not fit its range, refuses with a message).
            if (result === null) expect(view.interval).not.toBeNull();
          },
        ),
        { numRuns: RUNS },
      );
    },
    TIMEOUT_MS,
  );
});
