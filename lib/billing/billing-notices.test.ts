import { describe, expect, it } from 'vitest';

import type { SubscriptionFacts } from './billing-state';
import { noticeFor } from './billing-notices';

const DAY = 86_400_000;
const now = new Date('2026-11-30T12:00:00Z');
const paid = (facts: Partial<SubscriptionFacts>): SubscriptionFacts => ({
  stripeSubscriptionId: 'sub_1',
  status: 'active',
  plan: 'starter',
  interval: 'month',
  trialEndsAt: null,
  currentPeriodStart: new Date(now.getTime() - 10 * DAY),
  currentPeriodEnd: new Date(now.getTime() + 20 * DAY),
  cancelAtPeriodEnd: false,
  quotaNoticeLevel: 0,
  overQuotaPeriods: 0,
  recordingPausedAt: null,
  recordingPauseReason: null,
  ...facts,
});
const team = (subscription: SubscriptionFacts | null, createdDaysAgo = 100) => ({
  teamId: 't1',
  teamName: 'Acme',
  teamCreatedAt: new Date(now.getTime() - createdDaysAgo * DAY),
  subscription,
  quotaPeriodStart: subscription?.currentPeriodStart ?? null,
});

describe('billing banners', () => {
  it('says nothing while all is well', () => {
    expect(noticeFor(team(paid({})), 'OWNER', now)).toBeNull();
    expect(noticeFor(team(null, 3), 'OWNER', now)).toBeNull();
  });

  it('warns of the trial’s end, then says recording stopped; owners get the billing link, others whom to ask', () => {
    expect(noticeFor(team(null, 25), 'OWNER', now)).toMatchObject({
      tone: 'info',
      href: '/teams/t1/billing',
      message: expect.stringMatching(/^The free trial of Acme ends on 5 December 2026/),
    });
    const ended = noticeFor(team(null, 31), 'MEMBER', now)!;
    expect(ended).toMatchObject({ tone: 'danger', href: null });
    expect(ended.message).toMatch(/trial of Acme has ended\. Its sites no longer record.*Ask an owner of Acme/);
  });

  it('covers failed payments, unpaid and canceled subscriptions, quota notices and the quota pause', () => {
    const message = (facts: Partial<SubscriptionFacts>) => noticeFor(team(paid(facts)), 'OWNER', now)?.message;
    expect(message({ status: 'past_due' })).toMatch(/A payment for Acme failed/);
    expect(message({ status: 'unpaid' })).toMatch(/is unpaid\. Its sites no longer record/);
    expect(message({ status: 'canceled' })).toMatch(/has ended\. Its sites no longer record/);
    expect(message({ quotaNoticeLevel: 80 })).toMatch(/over 80%/);
    expect(message({ quotaNoticeLevel: 100 })).toMatch(/gone over .* Everything is still recorded/);
    expect(message({ recordingPausedAt: now, recordingPauseReason: 'quota' })).toMatch(
      /do not record new pageviews until 20 December 2026/,
    );
  });
});
