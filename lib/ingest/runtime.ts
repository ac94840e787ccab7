// The process-wide ingest machinery. Kept on globalThis so that the custom server (which drains
// the queue on SIGTERM) and the route handler's bundle share one instance.
import { createRecordingGate } from '@/lib/billing/recording-gate';
import { config } from '@/lib/config';
import { db, pool } from '@/lib/db/client';
import { SaltStore } from '@/lib/privacy/salts';

import { IngestQueue } from './queue';
import { createLimits, type IngestDeps } from './record-hit';
import { SiteCache } from './site-cache';
import { writeHits } from './write-hits';

const KEY = Symbol.for('glance.ingest');
type WithIngest = typeof globalThis & { [KEY]?: IngestDeps };

export function ingestRuntime(): IngestDeps {
  const global = globalThis as WithIngest;
  if (!global[KEY]) {
    const settings = config();
    const database = db();
    global[KEY] = {
      sites: new SiteCache(database),
      salts: new SaltStore(database),
      queue: new IngestQueue((hits) => writeHits(pool(), hits), {
        maxPending: settings.INGEST_QUEUE_MAX,
        batchMax: settings.INGEST_BATCH_MAX,
        flushMs: settings.INGEST_FLUSH_MS,
        concurrency: 2,
      }),
      limits: createLimits(),
      // Billing off (no Stripe key, e.g. self-hosted): no gate at all.
      recordingAllowed: settings.STRIPE_SECRET_KEY ? createRecordingGate(database) : undefined,
    };
  }
  return global[KEY];
}

/** For graceful shutdown: commits what is queued, if ingest was ever used in this process. */
export async function drainIngest(): Promise<void> {
  await (globalThis as WithIngest)[KEY]?.queue.drain();
}

/**
 * Forgets a site in this process's ingest cache, so a deleted site stops receiving hits at once
 * (other instances forget it when their 30-second cache entry expires; their hits then fail to insert).
 */
export function forgetSite(domain: string) {
  (globalThis as WithIngest)[KEY]?.sites.forget(domain);
}

/** Tests install their own machinery (on a test database); undefined restores the default. */
export function setIngestRuntime(deps: IngestDeps | undefined) {
  (globalThis as WithIngest)[KEY] = deps;
}
