// The privacy invariant, proven: after hits from known IP addresses and User-Agents go through
// the real route handler, neither those values nor their plain SHA-256 appear in any column of
// any table, nor in anything the process printed. Rejected and failing requests are included.
import { createHash, randomUUID } from 'node:crypto';

import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { POST } from '@/app/api/event/route';
import { createTestDatabase, type TestDatabase } from '@/lib/db/test-database';
import { SaltStore } from '@/lib/privacy/salts';

import { PEER_ADDRESS_HEADER } from './client-ip';
import { IngestQueue } from './queue';
import { createLimits } from './record-hit';
import { setIngestRuntime } from './runtime';
import { SiteCache } from './site-cache';
import { writeHits } from './write-hits';

const CANARY_UA = `Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/156.0 Safari/537.36 UA-CANARY-${randomUUID()}`;
const CANARY_IPS = ['203.0.113.77', '2001:db8:cafe::17'];
const SPOOFED_XFF = '198.51.100.99';
const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');
const NEEDLES = [CANARY_UA, CANARY_UA.split(' ').at(-1)!, ...CANARY_IPS, SPOOFED_XFF].flatMap((v) => [v, sha256(v)]);

let test: TestDatabase;
let output = '';
const restore: (() => void)[] = [];

function captureOutput() {
  for (const stream of [process.stdout, process.stderr]) {
    const write = stream.write.bind(stream);
    stream.write = ((chunk: string | Uint8Array, ...rest: never[]) => {
      output += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString();
      return write(chunk, ...rest);
    }) as typeof stream.write;
    restore.push(() => (stream.write = write));
  }
}

function post(body: unknown, ip: string, extraHeaders: Record<string, string> = {}) {
  return POST(
    new Request('http://glance.test/api/event', {
      method: 'POST',
      body: typeof body === 'string' ? body : JSON.stringify(body),
      headers: {
        'content-type': 'text/plain',
        'user-agent': CANARY_UA,
        [PEER_ADDRESS_HEADER]: ip,
        'x-forwarded-for': SPOOFED_XFF,
        ...extraHeaders,
      },
    }),
  );
}

beforeAll(async () => {
  test = await createTestDatabase();
  const team = await test.db.team.create({ data: { name: 'Canary' } });
  await test.db.site.create({ data: { teamId: team.id, domain: 'canary.example.com', collectCityLevel: true } });
  setIngestRuntime({
    sites: new SiteCache(test.db),
    salts: new SaltStore(test.db),
    queue: new IngestQueue((hits) => writeHits(test.pool, hits), { maxPending: 100, batchMax: 50, flushMs: 2 }),
    limits: createLimits(),
  });
  captureOutput();
});

afterAll(async () => {
  restore.forEach((undo) => undo());
  setIngestRuntime(undefined);
  await test.drop();
});

async function everyCell(): Promise<string> {
  const client = new pg.Client({ connectionString: test.url });
  await client.connect();
  try {
    const tables = await client.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = $1 AND table_type = 'BASE TABLE'`,
      [test.schema],
    );
    let text = '';
    for (const { table_name } of tables.rows) {
      // Each row as PostgreSQL's own text form: every column, bytea as hex.
      const rows = await client.query(
        `SELECT t::text AS row FROM ${pg.escapeIdentifier(test.schema)}.${pg.escapeIdentifier(table_name)} AS t`,
      );
      text += rows.rows.map((row) => row.row).join('\n');
    }
    expect(tables.rows.length).toBeGreaterThanOrEqual(12);
    return text;
  } finally {
    await client.end();
  }
}

describe('privacy canary', () => {
  it('stores hits from known IPs and User-Agents without either, in any table or in the logs', async () => {
    const page = (path: string) => ({
      n: 'pageview',
      u: `https://canary.example.com${path}`,
      d: 'canary.example.com',
      r: 'https://www.google.com/',
      w: 1280,
    });
    for (const ip of CANARY_IPS) {
      expect((await post(page('/'), ip)).status).toBe(202);
      expect((await post(page('/pricing'), ip)).status).toBe(202);
      const signup = { ...page('/pricing'), n: 'Signup', p: { plan: 'pro' }, $: { a: 9, c: 'EUR' } };
      expect((await post(signup, ip)).status).toBe(202);
    }
    // Requests that are rejected or dropped carry the canaries too.
    expect((await post('{not json', CANARY_IPS[0]!)).status).toBe(400);
    expect((await post({ ...page('/'), d: 'unknown.example.org' }, CANARY_IPS[0]!)).status).toBe(404);
    expect((await post(page('/'), CANARY_IPS[0]!, { dnt: '1' })).headers.get('x-glance-dropped')).toBe('do-not-track');
    expect((await post('x'.repeat(5000), CANARY_IPS[0]!)).status).toBe(413);

    const events = await test.db.event.findMany({ orderBy: { id: 'asc' } });
    expect(events).toHaveLength(6);
    expect(new Set(events.map((event) => event.visitorId)).size).toBe(2);
    expect(await test.db.visit.count()).toBe(2);
    expect(events[0]).toMatchObject({ browser: 'Chrome', os: 'Linux', referrerSource: 'Google', pathname: '/' });

    const stored = await everyCell();
    expect(stored.length).toBeGreaterThan(1000);
    for (const needle of NEEDLES) {
      expect(stored.includes(needle), `database contains ${needle.slice(0, 24)}…`).toBe(false);
      expect(output.includes(needle), `output contains ${needle.slice(0, 24)}…`).toBe(false);
    }
  });

  it('says nothing personal when storing fails', async () => {
    setIngestRuntime({
      sites: new SiteCache(test.db),
      salts: new SaltStore(test.db),
      queue: new IngestQueue(
        async () => {
          throw new Error(`connection to ${CANARY_IPS[0]} refused`);
        },
        { maxPending: 10, batchMax: 10, flushMs: 0 },
      ),
      limits: createLimits(),
    });
    const response = await post(
      { n: 'pageview', u: 'https://canary.example.com/', d: 'canary.example.com' },
      CANARY_IPS[0]!,
    );
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('5');
    const body = await response.text();
    expect(output).toContain('ingest failed');
    for (const needle of NEEDLES) {
      expect(body.includes(needle)).toBe(false);
      expect(output.includes(needle), `output contains ${needle.slice(0, 24)}…`).toBe(false);
    }
  });
});
