// Server-side events: the caller's visitor IP and User-Agent go through the tracker's own ingest path
// (same visitor id as the tracker would give), only for the token's team's sites, and are not stored.
import { createHash, randomUUID } from 'node:crypto';

import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { POST as trackerPost } from '@/app/api/event/route';
import { createTestDatabase, type TestDatabase } from '@/lib/db/test-database';
import { PEER_ADDRESS_HEADER } from '@/lib/ingest/client-ip';
import { IngestQueue } from '@/lib/ingest/queue';
import { createLimits } from '@/lib/ingest/record-hit';
import { setIngestRuntime } from '@/lib/ingest/runtime';
import { SiteCache } from '@/lib/ingest/site-cache';
import { writeHits } from '@/lib/ingest/write-hits';
import { SaltStore } from '@/lib/privacy/salts';

import { createApiLimiters } from '../rate-limit';
import { apiRequest, createApiTeam, errorCode, testDeps } from '../test-api';
import { postEvent } from './events';

const UA = `Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/156.0 Safari/537.36 UA-CANARY-${randomUUID()}`;
const IP = '203.0.113.77';

let test: TestDatabase;
let a: Awaited<ReturnType<typeof createApiTeam>>;
let token: string;

beforeAll(async () => {
  test = await createTestDatabase();
  a = await createApiTeam(test.db, 'Alpha');
  await createApiTeam(test.db, 'Beta'); // owns beta.example.com
  token = await a.issue(['events:write']);
  setIngestRuntime({
    sites: new SiteCache(test.db),
    salts: new SaltStore(test.db),
    queue: new IngestQueue((hits) => writeHits(test.pool, hits), { maxPending: 100, batchMax: 50, flushMs: 2 }),
    limits: createLimits(),
  });
});
afterAll(async () => {
  setIngestRuntime(undefined);
  await test.drop();
});

const event = (extra: Record<string, unknown> = {}) => ({
  domain: 'alpha.example.com',
  name: 'pageview',
  url: 'https://alpha.example.com/pricing?utm_source=newsletter',
  referrer: 'https://www.google.com/',
  ip: IP,
  userAgent: UA,
  ...extra,
});
const send = (body: unknown, bearer = token, deps = testDeps(test.db)) =>
  postEvent(apiRequest('/api/v1/events', bearer, { body }), deps);

describe('POST /api/v1/events', () => {
  it('records the event as the tracker would, with the same anonymous visitor id', async () => {
    const response = await send(event());
    expect(response.status).toBe(202);
    expect(await response.json()).toEqual({ status: 'accepted' });
    const tracker = await trackerPost(
      new Request('http://glance.test/api/event', {
        method: 'POST',
        body: JSON.stringify({ n: 'Signup', u: 'https://alpha.example.com/done', d: 'alpha.example.com' }),
        headers: { 'user-agent': UA, [PEER_ADDRESS_HEADER]: IP },
      }),
    );
    expect(tracker.status).toBe(202);
    const events = await test.db.event.findMany({ where: { siteId: a.site.id }, orderBy: { id: 'asc' } });
    expect(events.map((row) => [row.name, row.pathname])).toEqual([
      ['pageview', '/pricing'],
      ['Signup', '/done'],
    ]);
    expect(events[0]!.visitorId).toBe(events[1]!.visitorId);
    expect(events[0]).toMatchObject({ referrerSource: 'Google', utmSource: 'newsletter', browser: 'Chrome' });
  });

  it('drops bots and opted-out visitors like the tracker, storing nothing', async () => {
    const before = await test.db.event.count();
    const bot = await send(event({ userAgent: 'curl/8.0' }));
    expect(await bot.json()).toEqual({ status: 'dropped', reason: 'bot' });
    const dnt = await send(event({ doNotTrack: true }));
    expect(await dnt.json()).toEqual({ status: 'dropped', reason: 'do-not-track' });
    expect(await test.db.event.count()).toBe(before);
  });

  it('refuses other teams’ domains (404), invalid events (400) and tokens without events:write (403)', async () => {
    const before = await test.db.event.count();
    const foreign = await send(event({ domain: 'beta.example.com', url: 'https://beta.example.com/' }));
    expect([foreign.status, await errorCode(foreign)]).toEqual([404, 'not_found']);
    for (const bad of [event({ ip: 'not-an-ip' }), event({ url: 'javascript:alert(1)' }), event({ name: '' })]) {
      const refused = await send(bad);
      expect(refused.status).toBe(400);
      const text = await refused.text();
      expect(text).not.toContain(UA);
      expect(text).not.toContain(IP);
    }
    const readOnly = await send(event(), await a.issue(['stats:read']));
    expect([readOnly.status, await errorCode(readOnly)]).toEqual([403, 'insufficient_scope']);
    const huge = await send(event({ props: { big: 'x'.repeat(7_000) } }));
    expect(huge.status).toBe(413);
    expect(await test.db.event.count()).toBe(before);
  });

  it('has its own per-token rate limit', async () => {
    const deps = {
      ...testDeps(test.db),
      limiters: createApiLimiters({ requests: { points: 100, duration: 60 }, events: { points: 2, duration: 60 } }),
    };
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await send(event({ ip: `198.51.100.${i + 1}` }), token, deps)).status);
    expect(statuses).toEqual([202, 202, 429]);
  });

  it('keeps neither the IP address nor the User-Agent anywhere in the database', async () => {
    const client = new pg.Client({ connectionString: test.url });
    await client.connect();
    try {
      const tables = await client.query<{ table_name: string }>(
        `SELECT table_name FROM information_schema.tables WHERE table_schema = $1 AND table_type = 'BASE TABLE'`,
        [test.schema],
      );
      let text = '';
      for (const { table_name } of tables.rows) {
        const rows = await client.query(
          `SELECT t::text AS row FROM ${pg.escapeIdentifier(test.schema)}.${pg.escapeIdentifier(table_name)} AS t`,
        );
        text += rows.rows.map((row) => row.row).join('\n');
      }
      expect(text.length).toBeGreaterThan(0);
      const sha = (value: string) => createHash('sha256').update(value).digest('hex');
      for (const needle of [UA, UA.split(' ').at(-1)!, IP, sha(UA), sha(IP)]) expect(text).not.toContain(needle);
    } finally {
      await client.end();
    }
  });
});
