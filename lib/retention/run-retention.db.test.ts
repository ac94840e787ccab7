// What the retention job deletes and what it keeps, at the boundaries, per team plan, on real PostgreSQL.
import pg from 'pg';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { createTestDatabase, type TestDatabase } from '@/lib/db/test-database';

import { monthsBefore } from './policy';
import { runRetention } from './run-retention';
import { RETENTION_LOCK_KEY, runRetentionExclusively } from './schedule';

const NOW = new Date('2026-11-23T12:00:00.000Z');
const ms = (at: Date, delta: number) => new Date(at.getTime() + delta);
const DAY = 86_400_000;

let test: TestDatabase;

beforeAll(async () => {
  test = await createTestDatabase();
});
afterAll(() => test.drop());

beforeEach(async () => {
  await test.pool.query(`TRUNCATE "Event", "Visit", "DailySalt", "UserSession", "ApiToken", "Subscription"`);
  await test.pool.query(`DELETE FROM "Site"; DELETE FROM "Team"; DELETE FROM "User"`);
  // The append-only trigger (a later migration) refuses plain deletes; this test starts from an empty log.
  await test.pool.query(`BEGIN; SET LOCAL glance.audit_purge = 'on'; DELETE FROM "AuditLog"; COMMIT`);
});

/** A team with one site, on `plan` (null: no Subscription row at all). */
async function siteOnPlan(plan: string | null): Promise<string> {
  const team = await test.db.team.create({ data: { name: `Team ${plan}` } });
  if (plan) await test.db.subscription.create({ data: { teamId: team.id, plan } });
  const site = await test.db.site.create({ data: { teamId: team.id, domain: `${plan ?? 'none'}.example.com` } });
  return site.id;
}

let nextVisit = 1n;
/** A visit from `startedAt` to `lastSeenAt` with an event at each end. */
async function visit(siteId: string, startedAt: Date, lastSeenAt = startedAt, pathname = '/') {
  const visitId = nextVisit++;
  const common = { siteId, visitorId: 1n, hostname: 'h', channel: 'direct', name: 'pageview', pathname };
  await test.db.visit.create({
    data: {
      id: visitId,
      siteId,
      visitorId: 1n,
      startedAt,
      lastSeenAt,
      entryPath: '/',
      exitPath: '/',
      channel: 'direct',
    },
  });
  await test.db.event.createMany({
    data: [startedAt, lastSeenAt].map((timestamp) => ({ ...common, visitId, timestamp })),
  });
  return visitId;
}

const remainingVisits = async (siteId: string) =>
  (await test.db.visit.findMany({ where: { siteId }, orderBy: { id: 'asc' } })).map((v) => v.id);
const remainingEvents = async (siteId: string) =>
  (await test.db.event.findMany({ where: { siteId }, orderBy: { timestamp: 'asc' } })).map((e) =>
    e.timestamp.toISOString(),
  );

describe('runRetention', () => {
  it('deletes events and visits past each team’s plan retention, and keeps everything at or after the cut-off', async () => {
    const trial = await siteOnPlan(null); // no Subscription row: the trial's 24 months
    const growth = await siteOnPlan('growth'); // 36 months
    const business = await siteOnPlan('business'); // 60 months
    const retired = await siteOnPlan('retired-plan'); // unknown name: the trial's 24 months

    const twoYears = monthsBefore(NOW, 24);
    const threeYears = monthsBefore(NOW, 36);
    const fiveYears = monthsBefore(NOW, 60);
    const sixYears = monthsBefore(NOW, 72);
    const thirtyMonths = monthsBefore(NOW, 30);

    const trialOld = await visit(trial, ms(twoYears, -60_000), ms(twoYears, -1)); // ended 1 ms too early
    const trialStraddling = await visit(trial, ms(twoYears, -60_000), ms(twoYears, 60_000));
    const trialAtCutoff = await visit(trial, twoYears);
    const trialThirtyMonths = await visit(trial, thirtyMonths);
    const trialRecent = await visit(trial, ms(NOW, -DAY));

    const growthThirtyMonths = await visit(growth, thirtyMonths); // kept: growth keeps 36 months
    const growthOld = await visit(growth, ms(threeYears, -1));
    const growthAtCutoff = await visit(growth, threeYears);

    const businessThirtyMonths = await visit(business, thirtyMonths);
    const businessFourYears = await visit(business, monthsBefore(NOW, 48));
    const businessOld = await visit(business, sixYears);
    const businessAtCutoff = await visit(business, fiveYears);

    const retiredOld = await visit(retired, thirtyMonths);
    const retiredRecent = await visit(retired, ms(NOW, -DAY));

    // Three rows per batch: every table needs several batches.
    const report = await runRetention({ db: test.db, pool: test.pool }, NOW, { batchRows: 3 });

    expect(await remainingVisits(trial)).toEqual([trialStraddling, trialAtCutoff, trialRecent]);
    expect(await remainingEvents(trial)).toEqual([
      twoYears.toISOString(), // the visit at the cut-off, both events
      twoYears.toISOString(),
      ms(twoYears, 60_000).toISOString(), // the straddling visit keeps only its event after the cut-off
      ms(NOW, -DAY).toISOString(),
      ms(NOW, -DAY).toISOString(),
    ]);
    expect(await remainingVisits(growth)).toEqual([growthThirtyMonths, growthAtCutoff]);
    expect(await remainingVisits(business)).toEqual([businessThirtyMonths, businessFourYears, businessAtCutoff]);
    expect(await remainingVisits(retired)).toEqual([retiredRecent]);
    expect([trialOld, trialThirtyMonths, growthOld, businessOld, retiredOld]).toHaveLength(5);
    // Deleted: trial 2 visits (old, 30 months) with 5 events (both of the old one, one of the
    // straddling one, both of the 30-month one); growth 1 visit, 2 events; business 1, 2; retired 1, 2.
    expect(report).toMatchObject({ visits: 5, events: 11, stopped: false });
    expect(await test.db.event.count()).toBe(14 * 2 - 11);

    const again = await runRetention({ db: test.db, pool: test.pool }, NOW, { batchRows: 3 });
    expect(again).toMatchObject({ events: 0, visits: 0, salts: 0, sessions: 0, apiTokens: 0, auditEntries: 0 });
  });

  it('deletes expired salts, sessions and API tokens past their grace periods, and audit entries past 12 months', async () => {
    await test.db.dailySalt.createMany({
      data: ['2026-11-01', '2026-11-22', '2026-11-23'].map((day) => ({
        day: new Date(`${day}T00:00:00Z`),
        salt: new Uint8Array(32),
      })),
    });
    const user = await test.db.user.create({ data: { email: 'r@example.com' } });
    const team = await test.db.team.create({ data: { name: 'Tokens' } });
    const future = ms(NOW, 7 * DAY);
    const sessions = {
      expiredLongAgo: { expiresAt: ms(NOW, -DAY - 1) },
      expiredExactlyADayAgo: { expiresAt: ms(NOW, -DAY) },
      expiredAnHourAgo: { expiresAt: ms(NOW, -3_600_000) },
      revokedTwoDaysAgo: { expiresAt: future, revokedAt: ms(NOW, -2 * DAY) },
      revokedAnHourAgo: { expiresAt: future, revokedAt: ms(NOW, -3_600_000) },
      active: { expiresAt: future },
    };
    for (const [id, data] of Object.entries(sessions)) {
      await test.db.userSession.create({ data: { id, userId: user.id, ...data } });
    }
    const tokens = {
      neverExpires: {},
      expired31DaysAgo: { expiresAt: ms(NOW, -31 * DAY) },
      expired29DaysAgo: { expiresAt: ms(NOW, -29 * DAY) },
      revoked31DaysAgo: { revokedAt: ms(NOW, -31 * DAY), expiresAt: future },
      revokedExactly30DaysAgo: { revokedAt: ms(NOW, -30 * DAY) },
      valid: { expiresAt: future },
    };
    for (const [id, data] of Object.entries(tokens)) {
      await test.db.apiToken.create({
        data: { id, teamId: team.id, name: id, tokenHash: id, prefix: 'gl_', scopes: [], ...data },
      });
    }
    // Sign-in leftovers go a day after they expire.
    await test.db.loginChallenge.create({
      data: { id: 'oldLogin', userId: user.id, tokenHash: 'a', needsSecondFactor: true, expiresAt: ms(NOW, -DAY - 1) },
    });
    await test.db.loginChallenge.create({
      data: {
        id: 'recentLogin',
        userId: user.id,
        tokenHash: 'b',
        needsSecondFactor: true,
        expiresAt: ms(NOW, -60_000),
      },
    });
    await test.db.webAuthnChallenge.create({
      data: { purpose: 'authentication', challenge: 'c', expiresAt: ms(NOW, -2 * DAY) },
    });
    await test.db.emailToken.create({
      data: { userId: user.id, purpose: 'VERIFY_EMAIL', tokenHash: 'd', expiresAt: ms(NOW, -3 * DAY) },
    });
    const yearAgo = monthsBefore(NOW, 12);
    for (const createdAt of [monthsBefore(NOW, 30), ms(yearAgo, -1), yearAgo, ms(NOW, -DAY)]) {
      await test.db.auditLog.create({ data: { action: `at ${createdAt.toISOString()}`, createdAt } });
    }

    const report = await runRetention({ db: test.db, pool: test.pool }, NOW, { batchRows: 1 });

    expect(report).toMatchObject({
      salts: 2,
      sessions: 2,
      apiTokens: 2,
      challenges: 3,
      auditEntries: 2,
      stopped: false,
    });
    expect((await test.db.loginChallenge.findMany()).map((row) => row.id)).toEqual(['recentLogin']);
    const salts = await test.db.dailySalt.findMany();
    expect(salts.map((row) => row.day.toISOString().slice(0, 10))).toEqual(['2026-11-23']);
    const sessionIds = (await test.db.userSession.findMany({ orderBy: { id: 'asc' } })).map((s) => s.id);
    expect(sessionIds).toEqual(['active', 'expiredAnHourAgo', 'expiredExactlyADayAgo', 'revokedAnHourAgo']);
    const tokenIds = (await test.db.apiToken.findMany({ orderBy: { id: 'asc' } })).map((t) => t.id);
    expect(tokenIds).toEqual(['expired29DaysAgo', 'neverExpires', 'revokedExactly30DaysAgo', 'valid']);
    const audit = await test.db.auditLog.findMany({ orderBy: { createdAt: 'asc' } });
    expect(audit.map((entry) => entry.createdAt)).toEqual([yearAgo, ms(NOW, -DAY)]);
  });

  it('stops between batches when asked to, leaving the rest for the next run', async () => {
    const site = await siteOnPlan(null);
    for (let i = 0; i < 4; i++) await visit(site, monthsBefore(NOW, 30 + i));
    const controller = new AbortController();
    controller.abort();
    const report = await runRetention({ db: test.db, pool: test.pool }, NOW, {
      batchRows: 1,
      signal: controller.signal,
    });
    expect(report).toMatchObject({ events: 0, visits: 0, stopped: true });
    expect(await test.db.visit.count()).toBe(4);
  });
});

describe('runRetentionExclusively', () => {
  it('does nothing while another process holds the retention lock, and runs once it is released', async (context) => {
    // PGlite is one backend session shared by every connection: advisory locks are re-entrant there
    // (only the process that owns an embedded database can open it, so nothing needs excluding).
    const { rows } = await test.pool.query<{ version: string }>('SELECT version()');
    if (rows[0]!.version.includes('wasm32')) context.skip('embedded PGlite: advisory locks are re-entrant');
    const site = await siteOnPlan(null);
    await visit(site, monthsBefore(NOW, 30));
    const other = new pg.Client({ connectionString: test.url });
    await other.connect();
    try {
      await other.query('SELECT pg_advisory_lock($1)', [RETENTION_LOCK_KEY.toString()]);
      const target = { db: test.db, pool: test.pool, url: test.url };
      expect(await runRetentionExclusively(target, NOW)).toBeNull();
      expect(await test.db.visit.count()).toBe(1);
      await other.query('SELECT pg_advisory_unlock($1)', [RETENTION_LOCK_KEY.toString()]);
      expect(await runRetentionExclusively(target, NOW)).toMatchObject({ visits: 1, events: 2 });
      expect(await test.db.visit.count()).toBe(0);
    } finally {
      await other.end();
    }
  });
});
