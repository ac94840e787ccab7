import { describe, expect, it } from 'vitest';

import { billingState, ownersNeedTwoFactor, quotaLevel, standingOf, type SubscriptionFacts } from './billing-state';
import { PLANS, TRIAL_DAYS } from './plans';
import { planForPrice, priceTableFromConfig } from './prices';

const DAY = 86_400_000;
const created = new Date('2026-11-01T00:00:00Z');
const sub = (facts: Partial<SubscriptionFacts>): SubscriptionFacts => ({
  stripeSubscriptionId: 'sub_1',
  status: 'active',
  plan: 'growth',
  interval: 'month',
  trialEndsAt: null,
  currentPeriodStart: new Date('2026-11-10T00:00:00Z'),
  currentPeriodEnd: new Date('2026-12-10T00:00:00Z'),
  cancelAtPeriodEnd: false,
  quotaNoticeLevel: 0,
  overQuotaPeriods: 0,
  recordingPausedAt: null,
  recordingPauseReason: null,
  ...facts,
});

describe('billing standing', () => {
  it('gives a new team its free trial from creation, then ends it', () => {
    const facts = { teamCreatedAt: created, subscription: null };
    const state = billingState(facts, new Date(created.getTime() + 5 * DAY));
    expect(state).toMatchObject({ standing: 'trial', plan: PLANS.trial, standingStopsRecording: false });
    expect(state.period).toEqual({ start: created, end: new Date(created.getTime() + TRIAL_DAYS * DAY) });
    expect(standingOf(facts, new Date(created.getTime() + TRIAL_DAYS * DAY))).toBe('trial_ended');
  });

  it('maps Stripe statuses: paid plans apply while active, trialing or past due; others stop recording', () => {
    const now = new Date('2026-11-20T00:00:00Z');
    const expectations: [string, string, boolean][] = [
      ['active', 'paid', false],
      ['trialing', 'paid', false],
      ['past_due', 'past_due', false],
      ['unpaid', 'unpaid', true],
      ['paused', 'unpaid', true],
      ['canceled', 'canceled', true],
      ['incomplete_expired', 'canceled', true],
    ];
    for (const [status, standing, stops] of expectations) {
      const state = billingState({ teamCreatedAt: created, subscription: sub({ status }) }, now);
      expect([status, state.standing, state.standingStopsRecording]).toEqual([status, standing, stops]);
      expect(state.plan.id).toBe(stops ? 'trial' : 'growth');
    }
    // A checkout whose first payment never completed: still the trial's rules.
    expect(standingOf({ teamCreatedAt: created, subscription: sub({ status: 'incomplete' }) }, now)).toBe('trial');
  });

  it('measures usage against the plan at 80% and 100%', () => {
    expect(quotaLevel(7_999, PLANS.starter)).toMatchObject({ level: 0 });
    expect(quotaLevel(8_000, PLANS.starter)).toMatchObject({ level: 80, percent: 80 });
    expect(quotaLevel(10_000, PLANS.starter)).toMatchObject({ level: 100 });
  });
});

describe('ownersNeedTwoFactor', () => {
  it('is true for paid teams above the entry plan while the subscription is in force', () => {
    expect(ownersNeedTwoFactor(null)).toBe(false);
    expect(ownersNeedTwoFactor({ plan: 'trial', status: 'trialing' })).toBe(false);
    expect(ownersNeedTwoFactor({ plan: 'starter', status: 'active' })).toBe(false);
    for (const plan of ['growth', 'business', 'scale']) {
      expect(ownersNeedTwoFactor({ plan, status: 'active' })).toBe(true);
      expect(ownersNeedTwoFactor({ plan, status: 'past_due' })).toBe(true);
      expect(ownersNeedTwoFactor({ plan, status: 'canceled' })).toBe(false);
    }
  });
});

describe('prices', () => {
  it('needs every price configured, and maps a price id back to its plan and interval', () => {
    const env = Object.fromEntries(
      ['STARTER', 'GROWTH', 'BUSINESS', 'SCALE'].flatMap((plan) => [
        [`STRIPE_PRICE_${plan}_MONTH`, `price_${plan.toLowerCase()}_m`],
        [`STRIPE_PRICE_${plan}_YEAR`, `price_${plan.toLowerCase()}_y`],
      ]),
    ) as Parameters<typeof priceTableFromConfig>[0];
    const table = priceTableFromConfig(env)!;
    expect(planForPrice(table, 'price_business_y')).toEqual({ plan: 'business', interval: 'year' });
    expect(planForPrice(table, 'price_unknown')).toBeNull();
    expect(priceTableFromConfig({ ...env, STRIPE_PRICE_SCALE_YEAR: undefined })).toBeNull();
  });
});
