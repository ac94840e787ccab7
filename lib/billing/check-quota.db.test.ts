// Quotas, notices and the pause policy the pricing page states, against real PostgreSQL: 80% and 100%
// notices once per period, recording continues through QUOTA_GRACE_PERIODS periods over quota, pauses
// only after them (and only once the quota is reached), resumes on a larger plan; trial reminder and end.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { createTestDatabase, type TestDatabase } from '@/lib/db/test-database';

import { checkAllQuotas, checkTeamQuota } from './check-quota';
import { QUOTA_GRACE_PERIODS } from './plans';
import { createRecordingGate } from './recording-gate';
import { countPageviews } from './team-billing';
import { periodUsage, SETTLED_AFTER_MS } from './usage';
import { startBillingTest, type BillingTest } from './testing/billing-test-context';

const DAY = 86_400_000;
let test: TestDatabase;
let billing: BillingTest;
let teamId: string;
let siteId: string;
let ownerEmail: string;

beforeAll(async () => {
  test = await createTestDatabase();
  billing = await startBillingTest(test);
});
afterAll(async () => {
  await billing.fake.stop();
  await test.drop();
});

beforeEach(async () => {
  billing.clock.now = new Date();
  ownerEmail = `owner-${Math.random()}@example.com`;
  const team = await test.db.team.create({
    data: {
      name: 'Quota Ltd',
      createdAt: new Date(Date.now() - 400 * DAY),
      memberships: { create: { role: 'OWNER', user: { create: { email: ownerEmail } } } },
    },
  });
  teamId = team.id;
  siteId = (await test.db.site.create({ data: { teamId, domain: `q-${Math.random()}.example.com` } })).id;
  billing.sent.length = 0;
});

/** `count` events named `name` for the site, spread over the minute after `from`. */
async function record(count: number, from: Date, name = 'pageview') {
  await test.pool.query(
    `INSERT INTO "Event" ("siteId", "timestamp", name, "visitorId", "visitId", hostname, pathname, channel)
     SELECT $1, $2::timestamptz + (g % 60) * interval '1 second', $3, g, g, 'q.example.com', '/', 'direct'
     FROM generate_series(1, $4::int) g`,
    [siteId, from, name, count],
  );
}

/** A paid Starter subscription (10,000 pageviews) whose period runs from `start` for 30 days. */
async function onStarter(start: Date, extra: Record<string, unknown> = {}) {
  await test.db.subscription.create({
    data: {
      teamId,
      stripeCustomerId: `cus_${Math.random().toString(36).slice(2)}`,
      stripeSubscriptionId: `sub_${Math.random().toString(36).slice(2)}`,
      status: 'active',
      plan: 'starter',
      interval: 'month',
      currentPeriodStart: start,
      currentPeriodEnd: new Date(start.getTime() + 30 * DAY),
      ...extra,
    },
  });
}

/** Recent hits: after the check's settled count, before its clock. */
const recently = () => new Date(Date.now() - 120_000); // record() spreads hits over the next minute
const subjects = () => billing.sent.map((m) => m.subject);
const row = () => test.db.subscription.findUniqueOrThrow({ where: { teamId } });

describe('quota notices', () => {
  it('counts pageviews only, in the period, and tells the owners at 80% and 100% once each', async () => {
    const start = new Date(Date.now() - 10 * DAY);
    await onStarter(start);
    await record(7_999, new Date(start.getTime() + DAY));
    await record(5_000, new Date(start.getTime() + DAY), 'Signup'); // custom events do not count
    await record(3_000, new Date(start.getTime() - 5 * DAY)); // the previous period does not count
    expect(await countPageviews(test.db, teamId, start, new Date())).toBe(7_999);

    expect(await checkTeamQuota(billing.ctx, teamId)).toMatchObject({ pageviews: 7_999, paused: null, emails: [] });
    // New pageviews arrive now (the check counts only what came after its last count).
    await record(1, recently());
    // Three checks at once (the schedule and two webhooks): one email.
    const together = await Promise.all([1, 2, 3].map(() => checkTeamQuota(billing.ctx, teamId)));
    expect(together.flatMap((check) => check!.emails)).toEqual(['quota80']);
    expect(subjects()).toEqual(['Quota Ltd: 80% of your monthly pageviews used']);
    expect(billing.sent[0]!.to).toBe(ownerEmail);
    expect((await checkTeamQuota(billing.ctx, teamId))!.emails).toEqual([]);

    await record(2_001, recently());
    const over = await checkTeamQuota(billing.ctx, teamId);
    expect(over).toMatchObject({ pageviews: 10_001, paused: null, emails: ['quota100'] });
    expect(billing.sent.at(-1)!.text).toMatch(/We keep recording everything/);
    expect(await createRecordingGate(test.db, 0)(siteId)).toBe(true);
    expect((await row()).quotaNoticeLevel).toBe(100);
  });
});

describe('incremental counting', () => {
  it('adds only what came after the stored count, and recounts when the stored count is for another period', async () => {
    const start = new Date(Date.now() - 10 * DAY);
    const countedTo = new Date(Date.now() - DAY);
    await record(300, new Date(start.getTime() + DAY)); // before countedTo: already in the stored count
    await record(40, new Date(countedTo.getTime() + 3_600_000)); // settled since
    await record(2, recently()); // not settled yet
    const now = new Date();
    const stored = { quotaPeriodStart: start, quotaPageviews: 250, quotaCountedTo: countedTo };
    const usage = await periodUsage(test.db, teamId, start, stored, now);
    expect(usage).toEqual({
      pageviews: 292,
      settled: { pageviews: 290, countedTo: new Date(now.getTime() - SETTLED_AFTER_MS) },
    });
    const other = await periodUsage(test.db, teamId, start, { ...stored, quotaPeriodStart: new Date(0) }, now);
    expect(other.pageviews).toBe(342);
  });
});

describe('the grace periods', () => {
  it(`keeps recording for ${QUOTA_GRACE_PERIODS} periods over quota, then pauses at the quota, and resumes on a larger plan`, async () => {
    const periods = [0, 1, 2].map((i) => new Date(Date.now() - (75 - i * 30) * DAY)); // starts 75, 45, 15 days ago
    await onStarter(periods[0]!);
    const gate = createRecordingGate(test.db, 0);

    // Period 1: over quota. Recording goes on.
    await record(10_500, new Date(periods[0]!.getTime() + DAY));
    billing.clock.now = new Date(periods[0]!.getTime() + 20 * DAY);
    expect((await checkTeamQuota(billing.ctx, teamId))!.paused).toBeNull();

    // Period 2 begins: period 1 closed over quota (1 of 2). Over again: still recording.
    await test.db.subscription.update({
      where: { teamId },
      data: { currentPeriodStart: periods[1], currentPeriodEnd: periods[2] },
    });
    await record(10_500, new Date(periods[1]!.getTime() + DAY));
    billing.clock.now = new Date(periods[1]!.getTime() + 20 * DAY);
    expect(await checkTeamQuota(billing.ctx, teamId)).toMatchObject({ paused: null, emails: ['quota100'] });
    expect(await row()).toMatchObject({ overQuotaPeriods: 1, recordingPausedAt: null });
    expect(await gate(siteId)).toBe(true);

    // Period 3 begins: two periods over quota: the owners get the last warning; under the quota it records.
    await test.db.subscription.update({
      where: { teamId },
      data: { currentPeriodStart: periods[2], currentPeriodEnd: new Date(periods[2]!.getTime() + 30 * DAY) },
    });
    await record(9_000, new Date(periods[2]!.getTime() + DAY));
    billing.clock.now = new Date();
    expect(await checkTeamQuota(billing.ctx, teamId)).toMatchObject({ paused: null, emails: ['grace', 'quota80'] });
    expect(subjects()).toContain('Quota Ltd: last warning before recording pauses');
    expect(await gate(siteId)).toBe(true);

    // It reaches the quota: recording pauses, the owners are told once, the audit log says why.
    await record(1_000, recently());
    expect(await checkTeamQuota(billing.ctx, teamId)).toMatchObject({
      paused: 'quota',
      emails: ['quota100', 'paused'],
    });
    expect(subjects().filter((s) => /stopped recording/.test(s))).toHaveLength(1);
    expect(subjects().filter((s) => /exceeded/.test(s))).toHaveLength(2); // periods 1 and 2; period 3 gets the pause notice
    expect(await gate(siteId)).toBe(false);
    expect(await row()).toMatchObject({ overQuotaPeriods: 2, recordingPauseReason: 'quota' });
    const paused = await test.db.auditLog.findFirstOrThrow({ where: { teamId, action: 'billing.recording_paused' } });
    expect(paused.metadata).toMatchObject({ reason: 'quota', pageviews: 10_000, plan: 'starter' });
    // Nothing recorded is deleted.
    expect(await test.db.event.count({ where: { siteId } })).toBe(31_000);

    // A larger plan (Growth, 100,000): recording resumes at once.
    await test.db.subscription.update({ where: { teamId }, data: { plan: 'growth' } });
    expect(await checkTeamQuota(billing.ctx, teamId)).toMatchObject({ paused: null, emails: ['resumed'] });
    expect(await gate(siteId)).toBe(true);
    expect(await test.db.auditLog.count({ where: { teamId, action: 'billing.recording_resumed' } })).toBe(1);
  });

  it('forgives a period under quota: the count starts again', async () => {
    const start = new Date(Date.now() - 10 * DAY);
    await onStarter(start, { quotaPeriodStart: new Date(start.getTime() - 30 * DAY), overQuotaPeriods: 1 });
    await record(500, new Date(start.getTime() - 29 * DAY));
    await checkTeamQuota(billing.ctx, teamId);
    expect((await row()).overQuotaPeriods).toBe(0);
  });
});

describe('the free trial', () => {
  it('reminds the owners a week before it ends, once, and stops recording when it ends', async () => {
    const gate = createRecordingGate(test.db, 0);
    await test.db.team.update({ where: { id: teamId }, data: { createdAt: new Date(Date.now() - 24 * DAY) } });
    expect((await checkTeamQuota(billing.ctx, teamId))!.emails).toEqual(['trial']);
    expect((await checkTeamQuota(billing.ctx, teamId))!.emails).toEqual([]);
    expect(subjects()[0]).toMatch(/^Quota Ltd: your free trial ends on /);

    billing.clock.now = new Date(Date.now() + 7 * DAY);
    expect(await checkTeamQuota(billing.ctx, teamId)).toMatchObject({ paused: 'trial_ended', emails: ['paused'] });
    expect(await gate(siteId)).toBe(false);
    expect(billing.sent.at(-1)!.text).toMatch(/The free trial has ended/);
  });

  it('checks every team with a site and forgets Stripe events after 90 days', async () => {
    await test.db.stripeEvent.create({
      data: {
        id: 'evt_old',
        type: 'invoice.paid',
        createdAt: new Date(),
        outcome: 'applied',
        processedAt: new Date(Date.now() - 91 * DAY),
      },
    });
    const report = await checkAllQuotas(billing.ctx);
    expect(report.teams).toBeGreaterThanOrEqual(1);
    expect(await test.db.stripeEvent.count({ where: { id: 'evt_old' } })).toBe(0);
  });
});
