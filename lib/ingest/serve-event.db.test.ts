// The custom server's fast path (serveEvent on Node's http server) answers like the Next.js route
// handler — status, body and every header — for accepted, dropped, malformed, unknown, oversized,
// preflight and refused-for-load requests; reads chunked bodies and survives clients that leave;
// and, as the route's privacy canary does, stores neither the IP address nor the User-Agent.
import { createHash, randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { OPTIONS, POST } from '@/app/api/event/route';
import { createTestDatabase, type TestDatabase } from '@/lib/db/test-database';
import { SaltStore } from '@/lib/privacy/salts';

import { PEER_ADDRESS_HEADER } from './client-ip';
import { IngestQueue } from './queue';
import { createLimits, type IngestDeps } from './record-hit';
import { setIngestRuntime } from './runtime';
import { serveEvent } from './serve-event';
import { SiteCache } from './site-cache';
import { writeHits } from './write-hits';

const DOMAIN = 'fast.example.com';
const UA = `Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/156.0 Safari/537.36 FAST-CANARY-${randomUUID()}`;
const IP = '203.0.113.91';
/** Every request here comes from 127.0.0.1: the test server takes the peer address from this header instead. */
const TEST_PEER = 'x-test-peer';

let test: TestDatabase;
let server: http.Server;
let base: string;

function runtime(queue?: IngestQueue): IngestDeps {
  return {
    sites: new SiteCache(test.db),
    salts: new SaltStore(test.db),
    queue:
      queue ?? new IngestQueue((hits) => writeHits(test.pool, hits), { maxPending: 100, batchMax: 50, flushMs: 1 }),
    limits: createLimits(),
  };
}

beforeAll(async () => {
  test = await createTestDatabase();
  const team = await test.db.team.create({ data: { name: 'Fast' } });
  await test.db.site.create({ data: { teamId: team.id, domain: DOMAIN } });
  // What scripts/server.ts does before routing: the peer address goes into a header the client cannot set.
  server = http.createServer((req, res) => {
    req.headers[PEER_ADDRESS_HEADER] = String(req.headers[TEST_PEER] ?? req.socket.remoteAddress);
    void serveEvent(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

beforeEach(() => setIngestRuntime(runtime()));

afterAll(async () => {
  setIngestRuntime(undefined);
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await test.drop();
});

interface Sent {
  method: 'POST' | 'OPTIONS';
  body?: string;
  headers?: Record<string, string>;
}

interface Answer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** Headers of the connection, not of the endpoint: Node's server adds them, Next.js's server too. */
const TRANSPORT = new Set(['connection', 'content-length', 'date', 'keep-alive', 'transfer-encoding']);

async function answer(response: Response): Promise<Answer> {
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    if (!TRANSPORT.has(name)) headers[name] = value;
  });
  return { status: response.status, headers, body: await response.text() };
}

function viaRoute({ method, body, headers = {} }: Sent) {
  const request = new Request(`http://glance.test/api/event`, {
    method,
    body,
    headers: { 'user-agent': UA, [PEER_ADDRESS_HEADER]: IP, ...headers },
  });
  return (method === 'POST' ? POST(request) : OPTIONS(request)).then(answer);
}

function viaFastPath({ method, body, headers = {} }: Sent) {
  return fetch(`${base}/api/event`, { method, body, headers: { 'user-agent': UA, [TEST_PEER]: IP, ...headers } }).then(
    answer,
  );
}

const hit = (path: string, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ n: 'pageview', u: `https://${DOMAIN}${path}`, d: DOMAIN, r: 'https://www.google.com/', ...extra });

describe('serveEvent', () => {
  it('answers every kind of request exactly as the route handler does', async () => {
    const cases: [string, Sent, number][] = [
      ['accepted', { method: 'POST', body: hit('/a'), headers: { 'content-type': 'text/plain' } }, 202],
      ['dropped for DNT', { method: 'POST', body: hit('/b'), headers: { dnt: '1' } }, 202],
      ['dropped: bot', { method: 'POST', body: hit('/c'), headers: { 'user-agent': 'Googlebot/2.1' } }, 202],
      ['not JSON', { method: 'POST', body: '{' }, 400],
      ['invalid', { method: 'POST', body: hit('/d', { u: 'ftp://x' }) }, 400],
      ['unknown site', { method: 'POST', body: hit('/e', { d: 'unknown.example.org' }) }, 404],
      ['too large', { method: 'POST', body: 'x'.repeat(5_000) }, 413],
      ['preflight', { method: 'OPTIONS', headers: { origin: 'https://elsewhere.example' } }, 204],
    ];
    for (const [name, sent, status] of cases) {
      const [route, fast] = [await viaRoute(sent), await viaFastPath(sent)];
      expect(fast, name).toEqual(route);
      expect(fast.status, name).toBe(status);
      expect(fast.headers['access-control-allow-origin'], name).toBe('*');
    }
    // The two accepted hits (one per path) are stored; nothing else is.
    expect(await test.db.event.count({ where: { pathname: '/a' } })).toBe(2);
    expect(await test.db.event.count()).toBe(2);
  });

  it('answers 503 with Retry-After like the route when the queue is full or storing fails', async () => {
    const full = new IngestQueue(async () => {}, { maxPending: 0, batchMax: 1, flushMs: 0 });
    const failing = new IngestQueue(
      async () => {
        throw new Error('database unreachable');
      },
      { maxPending: 10, batchMax: 10, flushMs: 0 },
    );
    for (const [queue, retryAfter] of [
      [full, '1'],
      [failing, '5'],
    ] as const) {
      setIngestRuntime(runtime(queue));
      const sent: Sent = { method: 'POST', body: hit('/busy') };
      const [route, fast] = [await viaRoute(sent), await viaFastPath(sent)];
      expect(fast).toEqual(route);
      expect([fast.status, fast.headers['retry-after']]).toEqual([503, retryAfter]);
    }
  });

  it('reads a body sent in chunks without a length, and refuses one that grows past the cap', async () => {
    const chunked = (parts: string[]) =>
      new Promise<{ status?: number; error?: string }>((resolve) => {
        const request = http.request(
          `${base}/api/event`,
          { method: 'POST', headers: { 'user-agent': UA, [TEST_PEER]: IP, 'transfer-encoding': 'chunked' } },
          (response) => {
            response.resume();
            resolve({ status: response.statusCode });
          },
        );
        request.on('error', (error: NodeJS.ErrnoException) => resolve({ error: error.code }));
        for (const part of parts) request.write(part);
        request.end();
      });
    const body = hit('/chunked');
    expect(await chunked([body.slice(0, 10), body.slice(10, 40), body.slice(40)])).toEqual({ status: 202 });
    expect(await test.db.event.count({ where: { pathname: '/chunked' } })).toBe(1);
    // Past 4 KB the request is cut off, as before this reader (nothing more is read or stored).
    const answered = await chunked(Array.from({ length: 10 }, () => 'x'.repeat(1_000)));
    expect(answered.status === 413 || answered.error !== undefined).toBe(true);
  });

  it('answers requests after a client left in the middle of its body', async () => {
    await new Promise<void>((resolve) => {
      const request = http.request(`${base}/api/event`, {
        method: 'POST',
        headers: { 'user-agent': UA, [TEST_PEER]: IP, 'content-length': '500' },
      });
      request.on('error', () => resolve());
      request.write('{"n":"pageview"', () => setTimeout(() => (request.destroy(), resolve()), 50));
    });
    expect((await viaFastPath({ method: 'POST', body: hit('/after') })).status).toBe(202);
  });

  it('stores neither the IP address nor the User-Agent that came through it', async () => {
    expect((await viaFastPath({ method: 'POST', body: hit('/canary') })).status).toBe(202);
    const rows = await test.pool.query<{ row: string }>(
      `SELECT e::text || v::text AS row FROM "Event" e JOIN "Visit" v ON v.id = e."visitId" WHERE e.pathname = '/canary'`,
    );
    expect(rows.rows).toHaveLength(1);
    const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');
    for (const needle of [IP, UA, UA.split(' ').at(-1)!, sha256(IP), sha256(UA)]) {
      expect(rows.rows[0]!.row.includes(needle), needle.slice(0, 24)).toBe(false);
    }
  });
});
