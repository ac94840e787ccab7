// The scheduled quota check on the embedded database (PGlite behind pglite-socket), as `npm start` runs it
// without DATABASE_URL: the advisory lock takes a connection of its own next to the app's single pooled
// one, so this proves that connection never runs inside another connection's transaction, and that a
// run does the check's work and leaves the lock free for the next one.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createDatabase, createPool, type Database } from '@/lib/db/client';
import { EMBEDDED_POOL_MAX, startEmbeddedDatabase, type EmbeddedDatabase } from '@/lib/db/embedded';
import { migrate } from '@/lib/db/migrate';
import type { TestDatabase } from '@/lib/db/test-database';

import { checkQuotasExclusively } from './schedule';
import { startBillingTest, type BillingTest } from './testing/billing-test-context';

const DAY = 86_400_000;
let embedded: EmbeddedDatabase;
let pool: pg.Pool;
let db: Database;
let billing: BillingTest;
let teamId: string;

beforeAll(async () => {
  embedded = await startEmbeddedDatabase({ dataDir: null });
  await migrate({ url: embedded.url });
  pool = createPool({ url: embedded.url, max: EMBEDDED_POOL_MAX });
  db = createDatabase({ url: embedded.url }, pool);
  const test: TestDatabase = { url: embedded.url, schema: 'public', db, pool, drop: async () => {} };
  billing = await startBillingTest(test);

  // A Starter team (10,000 pageviews a month) at 80% of its quota: the check owes its owner one notice.
  const start = new Date(Date.now() - 10 * DAY);
  const team = await db.team.create({
    data: {
      name: 'Embedded Ltd',
      createdAt: new Date(Date.now() - 400 * DAY),
      memberships: { create: { role: 'OWNER', user: { create: { email: 'owner@embedded.example' } } } },
      subscription: {
        create: {
          stripeCustomerId: 'cus_embedded',
          stripeSubscriptionId: 'sub_embedded',
          status: 'active',
          plan: 'starter',
          interval: 'month',
          currentPeriodStart: start,
          currentPeriodEnd: new Date(start.getTime() + 30 * DAY),
        },
      },
    },
  });
  teamId = team.id;
  const site = await db.site.create({ data: { teamId, domain: 'embedded.example.com' } });
  await pool.query(
    `INSERT INTO "Event" ("siteId", "timestamp", name, "visitorId", "visitId", hostname, pathname, channel)
     SELECT $1, $2::timestamptz + (g % 60) * interval '1 second', 'pageview', g, g, 'embedded.example.com', '/', 'direct'
     FROM generate_series(1, 8000) g`,
    [site.id, new Date(start.getTime() + DAY)],
  );
}, 180_000);

afterAll(async () => {
  await billing?.fake.stop();
  await db?.$disconnect();
  await pool?.end();
  await embedded?.stop();
});

describe('the quota check on the embedded database', () => {
  it('waits for another connection’s open transaction instead of running inside it', async () => {
    const app = new pg.Client({ connectionString: embedded.url });
    const lock = new pg.Client({ connectionString: embedded.url });
    await Promise.all([app.connect(), lock.connect()]);
    try {
      await app.query('BEGIN');
      await app.query(`INSERT INTO "Team" (id, name, "updatedAt") VALUES ('uncommitted', 'Rolled back', now())`);
      // Sent while the transaction is open; PGlite is one backend, so running now would mean running inside it.
      const seen = lock.query<{ count: string }>(`SELECT count(*) FROM "Team" WHERE id = 'uncommitted'`);
      let answered = false;
      void seen.then(() => (answered = true));
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(answered).toBe(false);
      await app.query('ROLLBACK');
      expect((await seen).rows[0]!.count).toBe('0');
    } finally {
      await Promise.all([app.end(), lock.end()]);
    }
  });

  it('runs beside a busy app connection, sends the notice once and frees its lock for the next run', async () => {
    // The app's only pooled connection is inside a transaction while the run starts.
    const busy = db.$transaction(async (tx) => {
      await tx.team.findMany({ select: { id: true } });
      await new Promise((resolve) => setTimeout(resolve, 300));
    });
    const [report] = await Promise.all([checkQuotasExclusively(billing.ctx, embedded.url), busy]);
    expect(report).toEqual({ teams: 1, paused: 0 });
    expect(billing.sent.map((mail) => [mail.to, mail.subject])).toEqual([
      ['owner@embedded.example', 'Embedded Ltd: 80% of your monthly pageviews used'],
    ]);
    expect(await db.subscription.findUniqueOrThrow({ where: { teamId } })).toMatchObject({
      quotaNoticeLevel: 80,
      quotaPageviews: 8000,
    });
    // The lock was released: the next run is not skipped, and owes no second notice.
    expect(await checkQuotasExclusively(billing.ctx, embedded.url)).toEqual({ teams: 1, paused: 0 });
    expect(billing.sent).toHaveLength(1);
  });
});
