// Stripe webhooks against real PostgreSQL and the real stripe client talking to a local fake Stripe:
// signatures, exactly-once processing, out-of-order delivery and a subscription's whole life.
import type Stripe from 'stripe';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { createTestDatabase, type TestDatabase } from '@/lib/db/test-database';
import { AppError, Invalid } from '@/lib/errors';

import { cancelSubscriptionOfDeletedTeam } from '../cancel-for-deleted-team';
import { startCheckout } from '../checkout';
import { createRecordingGate } from '../recording-gate';
import { teamOwnersNeedTwoFactor } from '../team-billing';
import { startBillingTest, TEST_WEBHOOK_SECRET, type BillingTest } from '../testing/billing-test-context';
import { handleStripeWebhook } from './handle-stripe-webhook';

let test: TestDatabase;
let billing: BillingTest;
let owner: string;
let teamId: string;
let siteId: string;

beforeAll(async () => {
  test = await createTestDatabase();
  billing = await startBillingTest(test);
});
afterAll(async () => {
  await billing.fake.stop();
  await test.drop();
});

beforeEach(async () => {
  const user = await test.db.user.create({ data: { email: `owner-${Math.random()}@example.com` } });
  owner = user.id;
  // Created 40 days ago: the free trial is over, so a checkout starts a paid period at once.
  const team = await test.db.team.create({
    data: {
      name: 'Acme',
      createdAt: new Date(Date.now() - 40 * 86_400_000),
      memberships: { create: { userId: owner, role: 'OWNER' } },
    },
  });
  teamId = team.id;
  siteId = (await test.db.site.create({ data: { teamId, domain: `acme-${Math.random()}.example.com` } })).id;
  billing.sent.length = 0;
});

/** Posts an event to the handler as Stripe would: the raw JSON and its signature. */
async function deliver(event: Stripe.Event) {
  const { payload, signature } = billing.fake.sign(event);
  return handleStripeWebhook(billing.ctx, payload, signature);
}

async function subscribe(plan: 'growth' | 'starter' = 'growth') {
  const url = await startCheckout(billing.ctx, { userId: owner }, teamId, { plan, interval: 'month' });
  const sessionId = url.split('/').at(-1)!;
  const { subscription, events } = await billing.fake.completeCheckout(sessionId);
  for (const event of events) expect((await deliver(event)).outcome).toBe('applied');
  return subscription;
}

const row = () => test.db.subscription.findUniqueOrThrow({ where: { teamId } });
const auditActions = async () =>
  (await test.db.auditLog.findMany({ where: { teamId }, orderBy: { id: 'asc' } })).map((entry) => entry.action);

describe('signature', () => {
  it('answers 400 and changes nothing for a bad, missing or foreign signature, or an edited body', async () => {
    const subscription = billing.fake.createSubscription({
      customer: 'cus_x',
      price: 'price_growth_month',
      metadata: { teamId },
    });
    const event = billing.fake.event('customer.subscription.updated', subscription);
    const { payload, signature } = billing.fake.sign(event);
    const foreign = billing.fake.sign(event, 'whsec_someone_else');
    const attempts: [string, string | null][] = [
      [payload, null],
      [payload, 't=1,v1=deadbeef'],
      [payload, foreign.signature],
      [payload.replace('price_growth_month', 'price_scale_month'), signature],
    ];
    for (const [body, header] of attempts) {
      const error = await handleStripeWebhook(billing.ctx, body, header).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(Invalid);
      expect((error as AppError).status).toBe(400);
    }
    expect(await test.db.stripeEvent.count({ where: { id: event.id } })).toBe(0);
    expect(await test.db.subscription.findUnique({ where: { teamId } })).toBeNull();
    expect(await test.db.auditLog.count({ where: { teamId } })).toBe(0);
    // The genuine delivery of the same event is accepted.
    expect((await deliver(event)).outcome).toBe('applied');
    expect(TEST_WEBHOOK_SECRET).toMatch(/^whsec_/);
  });
});

describe('exactly once', () => {
  it('processes a replayed event once: same state, one audit row, one stored event', async () => {
    const subscription = await subscribe();
    billing.fake.updateSubscription(subscription.id, { price: 'price_business_month' });
    const event = billing.fake.event('customer.subscription.updated', billing.fake.subscriptions.get(subscription.id));
    expect((await deliver(event)).outcome).toBe('applied');
    const audits = await auditActions();
    expect((await deliver(event)).outcome).toBe('duplicate');
    // Two deliveries at the same moment: one applies, the other finds it.
    const again = billing.fake.event('customer.subscription.updated', billing.fake.subscriptions.get(subscription.id));
    const outcomes = (await Promise.all([deliver(again), deliver(again), deliver(again)])).map((r) => r.outcome).sort();
    expect(outcomes).toEqual(['applied', 'duplicate', 'duplicate']);
    expect(await auditActions()).toEqual(audits);
    expect(await test.db.stripeEvent.count({ where: { id: { in: [event.id, again.id] } } })).toBe(2);
    expect(await row()).toMatchObject({ plan: 'business', status: 'active' });
  });
});

describe('out of order', () => {
  it('never lets an older event roll the state back', async () => {
    const subscription = await subscribe();
    const created = Math.floor(Date.now() / 1000) + 60;
    const activeSnapshot = structuredClone(subscription);
    billing.fake.updateSubscription(subscription.id, { status: 'past_due' });
    const newer = billing.fake.event(
      'customer.subscription.updated',
      billing.fake.subscriptions.get(subscription.id),
      created + 20,
    );
    const older = billing.fake.event('customer.subscription.updated', activeSnapshot, created + 10);
    expect((await deliver(newer)).outcome).toBe('applied');
    expect((await deliver(older)).outcome).toBe('stale');
    expect(await row()).toMatchObject({ status: 'past_due', lastEventAt: new Date((created + 20) * 1000) });
    expect(await test.db.stripeEvent.findUniqueOrThrow({ where: { id: older.id } })).toMatchObject({
      outcome: 'stale',
    });
  });

  it('applies the current subscription even when the events of a checkout arrive in reverse order', async () => {
    const url = await startCheckout(billing.ctx, { userId: owner }, teamId, { plan: 'starter', interval: 'year' });
    const { events } = await billing.fake.completeCheckout(url.split('/').at(-1)!);
    for (const event of [...events].reverse()) await deliver(event);
    expect(await row()).toMatchObject({ plan: 'starter', interval: 'year', status: 'active' });
  });
});

describe('a subscription’s life', () => {
  it('goes trial → paid → past_due → canceled, audit-logged, with emails and recording paused at the end', async () => {
    // A team 20 days into its free trial: the paid plan starts when the trial ends.
    await test.db.team.update({ where: { id: teamId }, data: { createdAt: new Date(Date.now() - 20 * 86_400_000) } });
    const gate = createRecordingGate(test.db, 0);
    expect(await gate(siteId)).toBe(true);
    const member = await test.db.user.create({ data: { email: `member-${Math.random()}@example.com` } });
    await test.db.membership.create({ data: { teamId, userId: member.id, role: 'MEMBER' } });

    const subscription = await subscribe();
    const checkout = billing.fake.requests.find(
      (r) => r.path === '/v1/checkout/sessions' && r.body.client_reference_id === teamId,
    )!;
    const trialEnd = Math.floor((Date.now() - 20 * 86_400_000 + 30 * 86_400_000) / 1000);
    expect(Number((checkout.body.subscription_data as { trial_end: string }).trial_end)).toBeCloseTo(trialEnd, -1);
    const trialing = await row();
    expect(trialing).toMatchObject({
      plan: 'growth',
      interval: 'month',
      status: 'trialing',
      stripeSubscriptionId: subscription.id,
    });
    expect(trialing.stripeCustomerId).toMatch(/^cus_/);
    expect(await teamOwnersNeedTwoFactor(test.db, teamId)).toBe(true); // Growth is above the entry plan

    // The trial ends: Stripe takes the first payment.
    const now = Math.floor(Date.now() / 1000);
    billing.fake.updateSubscription(subscription.id, {
      status: 'active',
      period: { start: now, end: now + 30 * 86_400 },
    });
    await deliver(billing.fake.event('invoice.paid', billing.fake.invoice(subscription.id, 'paid')));
    const paid = await row();
    expect(paid).toMatchObject({ plan: 'growth', status: 'active', currentPeriodStart: new Date(now * 1000) });

    billing.fake.updateSubscription(subscription.id, { status: 'past_due' });
    await deliver(billing.fake.event('invoice.payment_failed', billing.fake.invoice(subscription.id, 'open')));
    expect(await row()).toMatchObject({ status: 'past_due', plan: 'growth', recordingPausedAt: null });
    const ownerEmail = (await test.db.user.findUniqueOrThrow({ where: { id: owner } })).email;
    const failed = billing.sent.filter((m) => /payment failed/.test(m.subject));
    expect(failed.map((m) => m.to)).toEqual([ownerEmail]); // owners only, not the member
    expect(await gate(siteId)).toBe(true); // Stripe retries: everything keeps working
    await deliver(billing.fake.event('invoice.payment_action_required', billing.fake.invoice(subscription.id, 'open')));
    expect(billing.sent.filter((m) => /please confirm a payment/.test(m.subject)).map((m) => m.to)).toEqual([
      ownerEmail,
    ]);

    billing.fake.updateSubscription(subscription.id, { status: 'canceled' });
    await deliver(billing.fake.event('customer.subscription.deleted', billing.fake.subscriptions.get(subscription.id)));
    expect(await row()).toMatchObject({ status: 'canceled', recordingPauseReason: 'canceled' });
    expect(await teamOwnersNeedTwoFactor(test.db, teamId)).toBe(false);
    expect(await gate(siteId)).toBe(false);
    expect(billing.sent.some((m) => /stopped recording/.test(m.subject) && m.to === ownerEmail)).toBe(true);

    expect(await auditActions()).toEqual([
      'billing.checkout_started',
      'billing.plan_changed',
      'billing.status_changed',
      'billing.status_changed',
      'billing.subscription_canceled',
      'billing.recording_paused',
    ]);
    const planChange = await test.db.auditLog.findFirstOrThrow({ where: { teamId, action: 'billing.plan_changed' } });
    expect(planChange.metadata).toMatchObject({ from: 'trial', to: 'growth', toInterval: 'month', status: 'trialing' });
  });

  it('records a scheduled cancellation and its withdrawal', async () => {
    const subscription = await subscribe();
    billing.fake.updateSubscription(subscription.id, { cancelAtPeriodEnd: true });
    await deliver(billing.fake.event('customer.subscription.updated', billing.fake.subscriptions.get(subscription.id)));
    expect(await row()).toMatchObject({ cancelAtPeriodEnd: true, status: 'active' });
    billing.fake.updateSubscription(subscription.id, { cancelAtPeriodEnd: false });
    await deliver(billing.fake.event('customer.subscription.updated', billing.fake.subscriptions.get(subscription.id)));
    expect((await auditActions()).slice(-2)).toEqual([
      'billing.cancellation_scheduled',
      'billing.cancellation_withdrawn',
    ]);
  });

  it('cancels the Stripe subscription of a team being deleted, once', async () => {
    const subscription = await subscribe();
    expect(await cancelSubscriptionOfDeletedTeam(billing.ctx, teamId)).toBe(true);
    expect(billing.fake.requests.at(-1)).toMatchObject({
      method: 'DELETE',
      path: `/v1/subscriptions/${subscription.id}`,
    });
    expect(billing.fake.subscriptions.get(subscription.id)!.status).toBe('canceled');
    await deliver(billing.fake.event('customer.subscription.deleted', billing.fake.subscriptions.get(subscription.id)));
    expect(await cancelSubscriptionOfDeletedTeam(billing.ctx, teamId)).toBe(false);
  });

  it('ignores events for customers it does not know, and says so', async () => {
    const stranger = billing.fake.createSubscription({ customer: 'cus_stranger', price: 'price_growth_month' });
    const event = billing.fake.event('customer.subscription.updated', stranger);
    expect((await deliver(event)).outcome).toBe('ignored');
    expect(await test.db.stripeEvent.findUniqueOrThrow({ where: { id: event.id } })).toMatchObject({
      outcome: 'ignored',
      teamId: null,
    });
  });
});
