// What a team's billing state means, decided in one place from the team's own copy of it (never a
// Stripe call): which plan applies, the period its pageviews are counted in, whether its sites record,
// and which notice to show. The pricing page's policy text describes exactly these rules.
import { PLANS, planFor, TRIAL_DAYS, type Plan } from './plans';

const DAY_MS = 86_400_000;
/** Owners are reminded this long before the free trial ends. */
export const TRIAL_REMINDER_DAYS = 7;

/** The Subscription columns the rules read (a team without a row is on its free trial). */
export interface SubscriptionFacts {
  stripeSubscriptionId: string | null;
  status: string;
  plan: string;
  interval: string | null;
  trialEndsAt: Date | null;
  currentPeriodStart: Date | null;
  currentPeriodEnd: Date | null;
  cancelAtPeriodEnd: boolean;
  quotaNoticeLevel: number;
  overQuotaPeriods: number;
  recordingPausedAt: Date | null;
  recordingPauseReason: string | null;
}

export interface TeamBillingFacts {
  teamCreatedAt: Date;
  subscription: SubscriptionFacts | null;
}

/**
 * trial: the free trial runs; paid: active (or in a Stripe trial of a paid plan); past_due: a payment
 * failed and Stripe is retrying (everything keeps working); trial_ended, unpaid, canceled: sites stop
 * recording new pageviews until a plan is chosen or paid.
 */
export type BillingStanding = 'trial' | 'paid' | 'past_due' | 'trial_ended' | 'unpaid' | 'canceled';

export type PauseReason = 'quota' | 'trial_ended' | 'unpaid' | 'canceled';

export interface BillingState {
  standing: BillingStanding;
  plan: Plan;
  interval: string | null;
  trialEndsAt: Date;
  /** The period pageviews are counted in; null while the team does not record. */
  period: { start: Date; end: Date } | null;
  cancelAtPeriodEnd: boolean;
  /** The standing stops recording by itself (the quota pause is decided by the quota check). */
  standingStopsRecording: boolean;
}

/** Stripe statuses in which the paid plan applies. */
const PAID_STATUSES = new Set(['active', 'trialing', 'past_due']);

export function trialEndOf(facts: TeamBillingFacts): Date {
  return facts.subscription?.trialEndsAt ?? new Date(facts.teamCreatedAt.getTime() + TRIAL_DAYS * DAY_MS);
}

export function standingOf(facts: TeamBillingFacts, now: Date): BillingStanding {
  const sub = facts.subscription;
  // No Stripe subscription yet (or one that never got paid for: "incomplete"): the free trial rules.
  if (!sub?.stripeSubscriptionId || sub.status === 'incomplete') {
    return now < trialEndOf(facts) ? 'trial' : 'trial_ended';
  }
  switch (sub.status) {
    case 'active':
    case 'trialing':
      return 'paid';
    case 'past_due':
      return 'past_due';
    case 'unpaid':
    case 'paused':
      return 'unpaid';
    default:
      // canceled, incomplete_expired and any status Stripe adds later: no paid plan.
      return 'canceled';
  }
}

export function billingState(facts: TeamBillingFacts, now: Date): BillingState {
  const standing = standingOf(facts, now);
  const sub = facts.subscription;
  const trialEndsAt = trialEndOf(facts);
  const paid = Boolean(sub && PAID_STATUSES.has(sub.status) && (standing === 'paid' || standing === 'past_due'));
  const plan = paid ? planFor(sub!.plan) : PLANS.trial;
  let period: BillingState['period'] = null;
  if (standing === 'trial') {
    period = { start: new Date(trialEndsAt.getTime() - TRIAL_DAYS * DAY_MS), end: trialEndsAt };
  } else if (paid) {
    const end = sub!.currentPeriodEnd ?? new Date(now.getTime() + 30 * DAY_MS);
    const start = sub!.currentPeriodStart ?? new Date(end.getTime() - 30 * DAY_MS);
    period = { start, end };
  }
  return {
    standing,
    plan,
    interval: paid ? sub!.interval : null,
    trialEndsAt,
    period,
    cancelAtPeriodEnd: Boolean(sub?.cancelAtPeriodEnd) && paid,
    standingStopsRecording: standing === 'trial_ended' || standing === 'unpaid' || standing === 'canceled',
  };
}

/** The pause a standing imposes by itself (the quota pause is separate). */
export function standingPauseReason(standing: BillingStanding): PauseReason | null {
  if (standing === 'trial_ended' || standing === 'unpaid' || standing === 'canceled') return standing;
  return null;
}

/** Per cent of the quota used, and the notice level it reaches (0, 80 or 100). */
export function quotaLevel(pageviews: number, plan: Plan): { percent: number; level: 0 | 80 | 100 } {
  const percent = plan.monthlyPageviews > 0 ? (pageviews / plan.monthlyPageviews) * 100 : 100;
  return { percent, level: percent >= 100 ? 100 : percent >= 80 ? 80 : 0 };
}

/**
 * Whether a team's plan requires its owners to use two-factor authentication: paid teams above the
 * entry plan (plans.ts `ownersNeedTwoFactor`) while the subscription is in force. The trial and the
 * entry plan do not; a canceled or unpaid subscription no longer does.
 */
export function ownersNeedTwoFactor(subscription: { plan: string; status: string } | null | undefined): boolean {
  if (!subscription || !PAID_STATUSES.has(subscription.status)) return false;
  return planFor(subscription.plan).features.ownersNeedTwoFactor;
}

/** Owners are reminded once, TRIAL_REMINDER_DAYS before the trial ends. */
export function trialReminderDue(state: BillingState, reminderSentAt: Date | null, now: Date): boolean {
  return (
    state.standing === 'trial' &&
    !reminderSentAt &&
    state.trialEndsAt.getTime() - now.getTime() <= TRIAL_REMINDER_DAYS * DAY_MS
  );
}
