// The tracker endpoint with billing's gate installed: a paused team's hits are dropped (202 with the
// reason, nothing stored), others are recorded; resuming lets hits in again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { POST } from '@/app/api/event/route';
import { createTestDatabase, type TestDatabase } from '@/lib/db/test-database';
import { PEER_ADDRESS_HEADER } from '@/lib/ingest/client-ip';
import { IngestQueue } from '@/lib/ingest/queue';
import { createLimits } from '@/lib/ingest/record-hit';
import { setIngestRuntime } from '@/lib/ingest/runtime';
import { SiteCache } from '@/lib/ingest/site-cache';
import { writeHits } from '@/lib/ingest/write-hits';
import { SaltStore } from '@/lib/privacy/salts';

import { createRecordingGate } from './recording-gate';

let test: TestDatabase;
let pausedTeam: string;

const hit = (domain: string, path: string) =>
  POST(
    new Request('http://glance.test/api/event', {
      method: 'POST',
      body: JSON.stringify({ n: 'pageview', u: `https://${domain}${path}`, d: domain, w: 1280 }),
      headers: {
        'content-type': 'text/plain',
        'user-agent': 'Mozilla/5.0 (X11; Linux x86_64; rv:150.0) Gecko/20100101 Firefox/150.0',
        [PEER_ADDRESS_HEADER]: '192.0.2.10',
      },
    }),
  );

beforeAll(async () => {
  test = await createTestDatabase();
  pausedTeam = (
    await test.db.team.create({
      data: {
        name: 'Lapsed',
        sites: { create: { domain: 'lapsed.example.com' } },
        subscription: {
          create: {
            status: 'canceled',
            stripeSubscriptionId: 'sub_gone',
            recordingPausedAt: new Date(),
            recordingPauseReason: 'canceled',
          },
        },
      },
    })
  ).id;
  await test.db.team.create({ data: { name: 'Paying', sites: { create: { domain: 'paying.example.com' } } } });
  setIngestRuntime({
    sites: new SiteCache(test.db),
    salts: new SaltStore(test.db),
    queue: new IngestQueue((hits) => writeHits(test.pool, hits), { maxPending: 100, batchMax: 50, flushMs: 2 }),
    limits: createLimits(),
    recordingAllowed: createRecordingGate(test.db, 0),
  });
});
afterAll(async () => {
  setIngestRuntime(undefined);
  await test.drop();
});

describe('ingest with the recording gate', () => {
  it('drops a paused team’s hits with the reason and records everyone else’s', async () => {
    const dropped = await hit('lapsed.example.com', '/');
    expect(dropped.status).toBe(202);
    expect(dropped.headers.get('x-glance-dropped')).toBe('recording-paused');
    expect((await hit('paying.example.com', '/')).headers.get('x-glance-dropped')).toBeNull();
    expect(await test.db.event.count({ where: { site: { domain: 'lapsed.example.com' } } })).toBe(0);
    expect(await test.db.event.count({ where: { site: { domain: 'paying.example.com' } } })).toBe(1);

    await test.db.subscription.update({
      where: { teamId: pausedTeam },
      data: { recordingPausedAt: null, recordingPauseReason: null },
    });
    expect((await hit('lapsed.example.com', '/again')).headers.get('x-glance-dropped')).toBeNull();
    expect(await test.db.event.count({ where: { site: { domain: 'lapsed.example.com' } } })).toBe(1);
  });
});
