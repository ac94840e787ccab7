import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { dollarQuote, PLANNER_SETTINGS, type PreparedStatement } from '@/lib/db/sql';
import { createTestDatabase, type TestDatabase } from '@/lib/db/test-database';
import { createPool } from '@/lib/db/client';
import { visitBatchStatement } from '@/lib/events/bulk-insert';

import type { EnrichedHit } from './enriched-hit';
import { testHit } from './test-hit';
import { CONTINUING_VISITS, visitLookupArgs, writeHits } from './write-hits';

let test: TestDatabase;
let siteId: string;

beforeAll(async () => {
  test = await createTestDatabase();
  const team = await test.db.team.create({ data: { name: 'T' } });
  siteId = (await test.db.site.create({ data: { teamId: team.id, domain: 'sessions.example.com' } })).id;
});
afterAll(() => test.drop());

let nextVisitor = 1000n;
const hitAt = (at: string, pathname: string, visitorId: bigint, extra: Partial<EnrichedHit> = {}) =>
  testHit(siteId, visitorId, at, pathname, { hostname: 'sessions.example.com', ...extra });
const visitsOf = (visitorId: bigint) =>
  test.db.visit.findMany({ where: { siteId, visitorId }, orderBy: { startedAt: 'asc' } });

describe('writeHits: visits', () => {
  it('joins events less than 30 minutes apart into one visit with entry, exit, duration and no bounce', async () => {
    const v = nextVisitor++;
    await writeHits(test.pool, [hitAt('2026-11-20T10:00:00Z', '/', v)]);
    await writeHits(test.pool, [
      hitAt('2026-11-20T10:10:00Z', '/pricing', v),
      hitAt('2026-11-20T10:12:00Z', '/pricing', v, {
        name: 'Signup',
        props: { plan: 'pro' },
        revenue: { amount: '19.5', currency: 'EUR' },
      }),
    ]);
    await writeHits(test.pool, [hitAt('2026-11-20T10:39:59Z', '/docs', v)]);
    const visits = await visitsOf(v);
    expect(visits).toHaveLength(1);
    expect(visits[0]).toMatchObject({
      entryPath: '/',
      exitPath: '/docs',
      pageviews: 3,
      events: 4,
      channel: 'search',
      country: 'DE',
    });
    expect((visits[0]!.lastSeenAt.getTime() - visits[0]!.startedAt.getTime()) / 1000).toBe(39 * 60 + 59);
    expect(await test.db.event.count({ where: { visitId: visits[0]!.id } })).toBe(4);
    // Every column survives the bulk path, fixed-width ones included (CHAR(2) once came back as "D").
    const signup = await test.db.event.findFirstOrThrow({ where: { visitorId: v, name: 'Signup' } });
    expect(signup).toMatchObject({
      country: 'DE',
      browser: 'Firefox',
      screen: 'desktop',
      props: { plan: 'pro' },
      revenueCurrency: 'EUR',
    });
    expect(signup.revenueAmount?.toString()).toBe('19.5');
  });

  it('attributes every event of a visit to the visit’s source, not to each page’s own referrer', async () => {
    const v = nextVisitor++;
    const direct = { source: { referrerDomain: null, referrerSource: null, channel: 'direct' as const } };
    await writeHits(test.pool, [hitAt('2026-11-20T15:00:00Z', '/landing', v)]);
    await writeHits(test.pool, [
      hitAt('2026-11-20T15:01:00Z', '/next', v, direct),
      hitAt('2026-11-20T15:02:00Z', '/next', v, { ...direct, name: 'Signup' }),
    ]);
    const events = await test.db.event.findMany({ where: { visitorId: v }, orderBy: { timestamp: 'asc' } });
    expect(events.map((event) => [event.pathname, event.channel, event.referrerSource])).toEqual([
      ['/landing', 'search', 'Google'],
      ['/next', 'search', 'Google'],
      ['/next', 'search', 'Google'],
    ]);
  });

  it('starts a new visit after 30 minutes of silence; a lone pageview is a bounce', async () => {
    const v = nextVisitor++;
    await writeHits(test.pool, [
      hitAt('2026-11-20T10:00:00Z', '/a', v),
      hitAt('2026-11-20T10:30:00Z', '/b', v),
      hitAt('2026-11-20T10:31:00Z', '/c', v),
    ]);
    const visits = await visitsOf(v);
    expect(visits.map((visit) => [visit.entryPath, visit.exitPath, visit.pageviews])).toEqual([
      ['/a', '/a', 1],
      ['/b', '/c', 2],
    ]);
  });

  it('continues a visit across midnight even though the salt, and so the visitor id, changed', async () => {
    const before = nextVisitor++;
    const after = nextVisitor++;
    await writeHits(test.pool, [hitAt('2026-11-20T23:50:00Z', '/late', before)]);
    await writeHits(test.pool, [
      hitAt('2026-11-21T00:05:00Z', '/after-midnight', after, { previousVisitorId: before }),
    ]);
    const visits = await visitsOf(before);
    expect(visits).toHaveLength(1);
    expect(visits[0]).toMatchObject({ entryPath: '/late', exitPath: '/after-midnight', pageviews: 2 });
    expect(await visitsOf(after)).toHaveLength(0);
    // Both events carry the visit's visitor id, so the visitor is counted once.
    expect(await test.db.event.count({ where: { visitId: visits[0]!.id, visitorId: before } })).toBe(2);
  });

  it('ends a visit continued across midnight with the grace period, whether its hits come in one batch or several', async () => {
    // Yesterday's salt is gone at 00:30: a later hit has only today's id, and starts a new visit.
    for (const batches of [1, 3]) {
      const before = nextVisitor++;
      const after = nextVisitor++;
      const hits = [
        hitAt('2026-11-20T23:55:00Z', '/late', before),
        hitAt('2026-11-21T00:20:00Z', '/grace', after, { previousVisitorId: before }),
        hitAt('2026-11-21T00:40:00Z', '/later', after),
      ];
      if (batches === 1) await writeHits(test.pool, hits);
      else for (const hit of hits) await writeHits(test.pool, [hit]);
      expect((await visitsOf(before)).map((visit) => visit.exitPath)).toEqual(['/grace']);
      expect((await visitsOf(after)).map((visit) => visit.entryPath)).toEqual(['/later']);
    }
  });

  it('does not join a visit across midnight when the previous one had ended', async () => {
    const before = nextVisitor++;
    const after = nextVisitor++;
    await writeHits(test.pool, [hitAt('2026-11-20T23:20:00Z', '/x', before)]);
    await writeHits(test.pool, [hitAt('2026-11-21T00:05:00Z', '/y', after, { previousVisitorId: before })]);
    expect(await visitsOf(before)).toHaveLength(1);
    expect(await visitsOf(after)).toHaveLength(1);
  });

  it('keeps one visit when one visitor’s hits are written by concurrent batches', async () => {
    const v = nextVisitor++;
    await Promise.all(
      Array.from({ length: 8 }, (_, i) => writeHits(test.pool, [hitAt(`2026-11-20T12:00:0${i}Z`, `/p${i}`, v)])),
    );
    const visits = await visitsOf(v);
    expect(visits).toHaveLength(1);
    expect(visits[0]!.pageviews).toBe(8);
    expect(await test.db.event.count({ where: { visitorId: v } })).toBe(8);
  });

  it('stores text that looks like SQL or like the literals’ own quoting exactly as sent', async () => {
    const v = nextVisitor++;
    const paths = ['/$$', "/it's", '/$q000000000000$', '/a\\b', '/\'; DROP TABLE "Event";--', '/𝕏'];
    await writeHits(
      test.pool,
      paths.map((path, i) => hitAt(`2026-11-20T16:00:0${i}Z`, path, v, { props: { note: `${path}$$` } })),
    );
    const events = await test.db.event.findMany({ where: { visitorId: v }, orderBy: { timestamp: 'asc' } });
    expect(events.map((event) => [event.pathname, event.props])).toEqual(
      paths.map((path) => [path, { note: `${path}$$` }]),
    );
  });
});

describe('writeHits: prepared statements', () => {
  it('prepares once per connection, and recovers when a connection has lost them (a pooling proxy switched sessions)', async () => {
    const pool = createPool({ url: test.url, schema: test.schema, max: 1 });
    try {
      const v = nextVisitor++;
      const prepared = async () => {
        const { rows } = await pool.query<{ name: string }>('SELECT name FROM pg_prepared_statements ORDER BY name');
        // Without the connection's serial; the embedded PGlite's one session also holds other pools' statements.
        return [...new Set(rows.map((row) => row.name.replace(/_\d+$/, '')))];
      };
      await writeHits(pool, [hitAt('2026-11-21T09:00:00Z', '/a', v)]);
      await writeHits(pool, [hitAt('2026-11-21T09:01:00Z', '/b', v)]);
      expect(await prepared()).toEqual([
        'glance_continuing_visits',
        'glance_lock_visitors',
        'glance_write_batch_c',
        'glance_write_batch_n',
      ]);

      await pool.query('DEALLOCATE ALL');
      await writeHits(pool, [hitAt('2026-11-21T09:02:00Z', '/c', v)]);
      const visits = await visitsOf(v);
      expect(visits.map((visit) => [visit.pageviews, visit.exitPath])).toEqual([[3, '/c']]);
      expect(await prepared()).toEqual(['glance_continuing_visits', 'glance_lock_visitors', 'glance_write_batch_c']);
    } finally {
      await pool.end();
    }
  });
});

describe('writeHits: plans', () => {
  /**
   * The scans of "Visit" in a prepared statement's plans, as `<node type> <index or table>`, and their
   * sorts: the plan for these arguments, and the generic plan PostgreSQL may switch to after a few
   * executions, both under the writer's planner settings.
   */
  async function visitScans(
    { statement, args }: { statement: PreparedStatement; args: string[] },
    database: TestDatabase = test,
  ) {
    const client = await database.pool.connect();
    try {
      await client.query(`PREPARE plan_check(${statement.types.join(', ')}) AS ${statement.text}`);
      const scans: string[][] = [];
      for (const mode of ['force_custom_plan', 'force_generic_plan']) {
        // The writer's settings (lib/db/sql.ts), in both plan modes.
        for (const setting of PLANNER_SETTINGS) await client.query(`SET ${setting}`);
        await client.query(`SET plan_cache_mode = ${mode}`);
        const { rows } = await client.query<{ 'QUERY PLAN': [{ Plan: PlanNode }] }>(
          `EXPLAIN (FORMAT JSON) EXECUTE plan_check(${args.map(dollarQuote).join(', ')})`,
        );
        const found: string[] = [];
        const walk = (node: PlanNode) => {
          // A bitmap heap scan is named by the index scan under it; an index read whole (no condition) is
          // no better than a sequential scan.
          const whole = node['Index Cond'] === undefined ? ' (whole)' : '';
          if (node['Index Name']?.startsWith('Visit_'))
            found.push(`${node['Node Type']} ${node['Index Name']}${whole}`);
          else if (
            node['Relation Name'] === 'Visit' &&
            node['Node Type'].endsWith('Scan') &&
            !node['Node Type'].startsWith('Bitmap')
          )
            found.push(`${node['Node Type']} Visit`);
          if (node['Node Type'].includes('Sort')) found.push(node['Node Type']);
          for (const child of node.Plans ?? []) walk(child);
        };
        walk(rows[0]!['QUERY PLAN'][0].Plan);
        scans.push(found);
      }
      return scans;
    } finally {
      const names = PLANNER_SETTINGS.map((setting) => setting.split(' ')[0]);
      await client.query(`DEALLOCATE ALL; ${names.map((name) => `RESET ${name}`).join('; ')}`);
      client.release();
    }
  }
  type PlanNode = {
    'Node Type': string;
    'Relation Name'?: string;
    'Index Name'?: string;
    'Index Cond'?: string;
    Plans?: PlanNode[];
  };

  it('finds and updates continuing visits through indexes, not by reading every visit', async () => {
    // A few thousand analysed visits: the size at which a semi-join with the batch (estimated at
    // 100 rows) is planned as a sequential scan of "Visit", which grows with every batch.
    const first = 5_000_000n;
    const start = Date.parse('2026-11-22T10:00:00Z');
    const hits = Array.from({ length: 3_000 }, (_, i) =>
      hitAt(new Date(start + i).toISOString(), `/p${i % 50}`, first + BigInt(i)),
    );
    await writeHits(test.pool, hits);
    await test.db.$executeRawUnsafe('ANALYZE "Visit"');

    const next = Array.from({ length: 30 }, (_, i) =>
      hitAt('2026-11-22T10:05:00Z', '/next', first + BigInt(i * 100), { previousVisitorId: first + 1n + BigInt(i) }),
    );
    const lookup = { statement: CONTINUING_VISITS, args: visitLookupArgs(next).lookup };
    const byIndex = ['Index Scan Visit_siteId_visitorId_lastSeenAt_idx'];
    expect(await visitScans(lookup)).toEqual([byIndex, byIndex]);

    const stored = await test.db.visit.findMany({ where: { siteId, visitorId: { gte: first } }, take: 30 });
    for (const scans of await visitScans(updateOf(stored.map((visit) => visit.id)))) expectPrimaryKey(scans);
  });

  it('plans them through indexes while "Visit" is young too: never analysed, then analysed as it grows', async () => {
    // A generic plan is kept until the table is next analysed. Without the writer's settings, one built
    // on a new installation's empty table sorted a sequential scan, and one built at ~90 visits over
    // ten sites sorted a scan of the site's visits by start: either then served every batch.
    const young = await createTestDatabase();
    try {
      const team = await young.db.team.create({ data: { name: 'Young' } });
      const sites = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          young.db.site.create({ data: { teamId: team.id, domain: `young${i}.example.com` } }),
        ),
      );
      let visitors = 0;
      const hits = (count: number) =>
        Array.from({ length: count }, () => {
          const n = ++visitors;
          const at = new Date(Date.parse('2026-11-22T10:00:00Z') + n * 1000).toISOString();
          return testHit(sites[n % 10]!.id, BigInt(n) * 7_919_000_003n, at, `/page/${n % 50}`, {
            hostname: `young${n % 10}.example.com`,
          });
        });
      const lookup = { statement: CONTINUING_VISITS, args: visitLookupArgs(hits(20)).lookup };
      const byIndex = ['Index Scan Visit_siteId_visitorId_lastSeenAt_idx'];
      const check = async (state: string) => {
        expect(await visitScans(lookup, young), state).toEqual([byIndex, byIndex]);
        for (const scans of await visitScans(updateOf([1n, 2n, 3n]), young)) expectPrimaryKey(scans);
      };

      await check('never analysed');
      for (const count of [0, 1, 5, 10, 20, 50, 100]) {
        await writeHits(young.pool, hits(count));
        await young.db.$executeRawUnsafe('ANALYZE "Visit"');
        await check(`analysed at ${visitors} visits`);
      }
    } finally {
      await young.drop();
    }
  });

  /** The write statement of a batch that only continues the visits with these ids. */
  const updateOf = (ids: bigint[]) =>
    visitBatchStatement({
      newVisits: [],
      events: [],
      changedVisits: ids.map((id) => ({
        id: id.toString(),
        lastSeenAt: new Date('2026-11-22T10:05:00Z'),
        pageviews: 2,
        events: 2,
        entryPath: '/',
        exitPath: '/next',
      })),
    });
  const expectPrimaryKey = (scans: string[]) => {
    expect(scans).not.toEqual([]);
    expect(scans.filter((scan) => !scan.endsWith('Visit_pkey'))).toEqual([]);
  };
});
