// Property-based fuzzing of the /api/event handler against a real database: arbitrary methods,
// headers, bodies and sizes never get a 5xx, are answered in bounded time, store nothing unless
// accepted, and never disturb the valid hits sent in between (every one of those is stored).
// FUZZ_RUNS=20000 npx vitest run --project db lib/ingest/hostile-input.db.test.ts for a longer run.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createTestDatabase, type TestDatabase } from '@/lib/db/test-database';
import { readCapped } from '@/lib/http/read-body';
import { SaltStore } from '@/lib/privacy/salts';

import { PEER_ADDRESS_HEADER } from './client-ip';
import { handleEventRequest, type EndpointResponse } from './event-endpoint';
import { IngestQueue } from './queue';
import { createLimits } from './record-hit';
import { setIngestRuntime } from './runtime';
import { SiteCache } from './site-cache';
import { writeHits } from './write-hits';

const RUNS = Number(process.env.FUZZ_RUNS ?? 400);
const TIMEOUT_MS = 30_000 + RUNS * 20; // a bigger FUZZ_RUNS gets the time it needs
const SLOWEST_ALLOWED_MS = 2_000; // generous: the CI machine has two shared cores
const DOMAIN = 'fuzz.example.com';
const CHROME = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36';

let test: TestDatabase;

beforeAll(async () => {
  test = await createTestDatabase();
  const team = await test.db.team.create({ data: { name: 'Fuzz' } });
  await test.db.site.create({
    data: { teamId: team.id, domain: DOMAIN, excludedPaths: ['/private/*'], allowedQueryParams: ['q'] },
  });
  setIngestRuntime({
    sites: new SiteCache(test.db),
    salts: new SaltStore(test.db),
    queue: new IngestQueue((hits) => writeHits(test.pool, hits), { maxPending: 10_000, batchMax: 100, flushMs: 1 }),
    limits: createLimits(),
  });
});

afterAll(async () => {
  setIngestRuntime(undefined);
  await test.drop();
});

interface FuzzRequest {
  method: string;
  headers: Record<string, string>;
  body: string | Uint8Array;
  /** 'true': the body's real length; undefined: no header; else the header's (lying) value. */
  contentLength?: string;
  /** Split the body into this many chunks, as a socket might deliver it. */
  chunks: number;
  /** The client goes away in the middle of the body. */
  aborts: boolean;
}

/** Calls the handler as a Node server would: header lookup by lower-case name, streamed body (serve-event.db.test.ts covers the fast path's own reader). */
async function send(request: FuzzRequest): Promise<{ response: EndpointResponse; ms: number }> {
  const bytes = typeof request.body === 'string' ? new TextEncoder().encode(request.body) : request.body;
  const headers = new Map(Object.entries(request.headers).map(([name, value]) => [name.toLowerCase(), value]));
  headers.delete('content-length');
  if (request.contentLength !== undefined) {
    headers.set('content-length', request.contentLength === 'true' ? String(bytes.length) : request.contentLength);
  }
  async function* stream() {
    const size = Math.max(1, Math.ceil(bytes.length / request.chunks));
    for (let offset = 0; offset < bytes.length; offset += size) {
      if (request.aborts && offset > 0) throw new Error('aborted');
      yield bytes.subarray(offset, offset + size);
    }
  }
  const started = performance.now();
  const response = await handleEventRequest(request.method, { get: (name) => headers.get(name) ?? null }, (max) =>
    readCapped(stream(), Number(headers.get('content-length') ?? '0'), max),
  );
  return { response, ms: performance.now() - started };
}

// ---- arbitraries -------------------------------------------------------------------------------

const anyText = fc.oneof(
  { weight: 4, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 200 }) },
  // Any UTF-16 code unit: NULs, control characters, unpaired surrogates.
  { weight: 2, arbitrary: fc.string({ unit: fc.nat(0xffff).map((code) => String.fromCharCode(code)), maxLength: 30 }) },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      '',
      ' ',
      '\u0000',
      'a\ud800',
      '\udc00b',
      '\r\n',
      '%00',
      '../../etc/passwd',
      '<script>',
      '\'; DROP TABLE "Event";--',
      '𝕏'.repeat(50),
    ),
  },
  { weight: 1, arbitrary: fc.string({ minLength: 1_000, maxLength: 5_000 }) },
);
const anyNumber = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.constantFrom(NaN, Infinity, -0, 1e308, Number.MAX_SAFE_INTEGER + 2),
);
const anyScalar = fc.oneof(anyText, anyNumber, fc.boolean(), fc.constant(null));
const anyValue = fc.oneof(
  anyScalar,
  fc.array(anyScalar, { maxLength: 5 }),
  fc.dictionary(anyText, anyScalar, { maxKeys: 5 }),
);

const pageUrl = fc.oneof(
  { weight: 1, arbitrary: fc.webUrl({ withQueryParameters: true, withFragments: true }) },
  { weight: 4, arbitrary: fc.webPath().map((path) => `https://${DOMAIN}${path}`) },
  {
    weight: 2,
    arbitrary: fc
      .tuple(fc.webPath(), fc.webQueryParameters(), fc.webFragments())
      .map(([path, query, fragment]) => `https://sub.${DOMAIN}${path}?${query}#${fragment}`),
  },
  { weight: 1, arbitrary: fc.webPath().map((path) => `https://${DOMAIN}/private${path}`) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(
        fc.constantFrom('utm_source', 'utm_campaign', 'ref', 'q', 'gclid'),
        fc.string({ unit: 'binary', maxLength: 20 }),
      )
      .map(([name, value]) => `https://${DOMAIN}/?${name}=${encodeURIComponent(value)}%00&${name}=%ED%A0%80`),
  },
  { weight: 1, arbitrary: anyText },
);

/** Mostly `valid`, sometimes anything at all. */
const mostly = <T>(valid: fc.Arbitrary<T>) =>
  fc.oneof({ weight: 19, arbitrary: valid as fc.Arbitrary<unknown> }, { weight: 1, arbitrary: anyValue });

/** Tracker-shaped payloads with hostile values: many get past validation, into the pipeline and the database. */
const hitLike = fc
  .record(
    {
      n: mostly(fc.oneof(fc.constant('pageview'), fc.string({ minLength: 1, maxLength: 120 }))),
      u: mostly(pageUrl),
      d: mostly(fc.constantFrom(DOMAIN, `WWW.${DOMAIN.toUpperCase()}`, ` ${DOMAIN} `, 'unknown.example.org')),
      r: mostly(fc.oneof(fc.webUrl({ withQueryParameters: true }), fc.string({ maxLength: 100 }), fc.constant(null))),
      w: mostly(fc.integer({ min: 0, max: 100_000 })),
      h: mostly(fc.constantFrom(0, 1, true, false)),
      p: mostly(
        fc.dictionary(
          fc.string({ minLength: 1, maxLength: 64 }),
          fc.oneof(fc.string({ maxLength: 100 }), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean()),
          { maxKeys: 30 },
        ),
      ),
      $: mostly(
        fc.record({
          a: fc.oneof(
            fc.double({ noNaN: true, noDefaultInfinity: true }),
            fc.constantFrom('19.99', '-1', '12345678901234.1234'),
          ),
          c: fc.constantFrom('EUR', 'usd', 'JPY'),
        }),
      ),
      __proto__: anyValue,
      constructor: anyValue,
    },
    { requiredKeys: [] },
  )
  .map((hit) => ({ n: 'pageview', u: `https://${DOMAIN}/`, d: DOMAIN, ...hit }));

const body = fc.oneof(
  { weight: 8, arbitrary: hitLike.map((hit) => JSON.stringify(hit)) },
  { weight: 2, arbitrary: fc.json({ depthSize: 'medium' }) },
  { weight: 1, arbitrary: anyText },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 5_000 }) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 20_000 }).map((depth) => '['.repeat(depth) + ']'.repeat(depth)) },
  { weight: 1, arbitrary: fc.integer({ min: 4_000, max: 200_000 }).map((size) => 'x'.repeat(size)) },
);

const headerValue = fc.oneof(anyText, fc.constantFrom('1', '0', '-1', '99999999999999999999', 'NaN', '4096', '4097'));
/** Content-Length: usually the truth (or absent, as with chunked bodies), sometimes a lie. */
const contentLength = fc.oneof(
  { weight: 6, arbitrary: fc.constant('true' as const) },
  { weight: 2, arbitrary: fc.constant(undefined) },
  { weight: 2, arbitrary: headerValue },
);
const headers = fc
  .record(
    {
      'user-agent': fc.oneof(
        { weight: 6, arbitrary: fc.constant(CHROME) },
        { weight: 1, arbitrary: anyText },
        { weight: 1, arbitrary: fc.constantFrom('', 'Googlebot/2.1', 'curl/8.0', 'HeadlessChrome') },
      ),
      'content-type': fc.oneof(fc.constantFrom('text/plain', 'application/json'), anyText),
      [PEER_ADDRESS_HEADER]: fc.oneof(
        { weight: 6, arbitrary: fc.oneof(fc.ipV4(), fc.ipV6()) },
        { weight: 1, arbitrary: fc.constantFrom('::ffff:203.0.113.9', '') },
        { weight: 1, arbitrary: anyText },
      ),
      'x-forwarded-for': anyText,
      dnt: headerValue,
      'sec-gpc': headerValue,
    },
    { requiredKeys: ['user-agent', PEER_ADDRESS_HEADER] },
  )
  .chain((known) => fc.dictionary(anyText, anyText, { maxKeys: 4 }).map((extra) => ({ ...extra, ...known })));

const request: fc.Arbitrary<FuzzRequest> = fc.record({
  method: fc.oneof(
    { weight: 6, arbitrary: fc.constant('POST') },
    fc.constantFrom('GET', 'OPTIONS', 'PUT', 'DELETE', 'HEAD', 'post'),
    anyText,
  ),
  headers,
  body,
  contentLength,
  chunks: fc.integer({ min: 1, max: 8 }),
  aborts: fc.boolean().map((b) => b && Math.random() < 0.2),
});

// ---- the property ------------------------------------------------------------------------------

describe('/api/event under hostile input', () => {
  it(
    'never answers 5xx, answers fast, stores only what it accepts, and loses no valid hit',
    async () => {
      let accepted = 0;
      let validSent = 0;
      let tried = 0;
      const times: number[] = [];
      const statuses = new Map<number, number>();

      const validAnswers: Promise<void>[] = [];
      const valid = async () => {
        const n = validSent++;
        const { response } = await send({
          method: 'POST',
          headers: {
            'user-agent': CHROME,
            'content-type': 'text/plain',
            // A fresh address per valid hit: the per-visitor rate limit must not refuse it.
            [PEER_ADDRESS_HEADER]: `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`,
          },
          body: JSON.stringify({ n: 'pageview', u: `https://${DOMAIN}/valid/${n}`, d: DOMAIN, w: 1280 }),
          chunks: 1,
          aborts: false,
        });
        expect(response.status, response.body).toBe(202);
        expect(response.headers['X-Glance-Dropped']).toBeUndefined();
        accepted++;
      };

      await valid(); // warm-up: the first hit loads the GeoIP data and creates the day's salt
      const property = fc.assert(
        fc.asyncProperty(request, async (input) => {
          tried++;
          const { response, ms } = await send(input);
          times.push(ms);
          statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
          expect(response.status, `${response.status} ${response.body}`).toBeLessThan(500);
          expect(ms).toBeLessThan(SLOWEST_ALLOWED_MS);
          for (const value of Object.values(response.headers)) expect(value).not.toMatch(/[\r\n\0]/);
          expect(response.body).not.toMatch(/\bat .*\.(ts|js):\d+|prisma|SELECT|INSERT/i);
          if (response.status === 202 && !response.headers['X-Glance-Dropped']) accepted++;
          // Not awaited: valid hits share batches with each other and with accepted fuzzed hits.
          validAnswers.push(valid());
        }),
        { numRuns: RUNS, seed: process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined },
      );
      try {
        await property;
      } finally {
        // Even when the property failed: the valid hits must settle before the database is dropped.
        await Promise.allSettled(validAnswers);
      }

      await Promise.all(validAnswers);
      times.sort((a, b) => a - b);
      const quantile = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!.toFixed(0);
      const stored = await test.db.event.count();
      const validPaths = await test.db.event.count({ where: { pathname: { startsWith: '/valid/' } } });
      console.log(
        `hostile input: ${tried} fuzzed requests + ${validSent} valid hits; answers ${JSON.stringify(Object.fromEntries([...statuses].sort()))}; ` +
          `${accepted} accepted = ${stored} rows stored; answer time p50 ${quantile(0.5)} ms, p99 ${quantile(0.99)} ms, max ${quantile(1)} ms`,
      );
      expect(tried).toBe(RUNS);
      // Every row comes from an accepted request: nothing rejected or dropped was stored, and no valid hit was lost.
      expect(stored).toBe(accepted);
      expect(validPaths).toBe(validSent);
    },
    TIMEOUT_MS,
  );
});
