// What the billing page shows, for owners only: plan, standing, period, usage against the quota.
// Read from Glance's own tables (the copy webhooks keep up to date); a page load never calls Stripe.
import { NotFound } from '@/lib/errors';
import { requirePermission } from '@/lib/teams/permissions';

import { billingEnabled, nowOf, type BillingContext } from './billing-context';
import { billingState, quotaLevel, type BillingState, type PauseReason } from './billing-state';
import { QUOTA_GRACE_PERIODS } from './plans';
import { loadTeamBilling } from './team-billing';
import { periodUsage } from './usage';

export interface BillingOverview {
  teamId: string;
  teamName: string;
  enabled: boolean;
  state: BillingState;
  hasBillingAccount: boolean;
  /** Stripe's status of the subscription, if there is one (trialing: a paid plan before its first payment). */
  stripeStatus: string | null;
  pageviews: number | null;
  percent: number | null;
  overQuotaPeriods: number;
  graceLeft: number;
  pausedReason: PauseReason | null;
  periodEnd: Date | null;
}

export async function loadBillingOverview(
  ctx: BillingContext,
  actor: { userId: string },
  teamId: string,
): Promise<BillingOverview> {
  await requirePermission(ctx.db, actor.userId, teamId, 'billing:manage');
  const team = await loadTeamBilling(ctx.db, teamId);
  if (!team) throw new NotFound('Team not found');
  const now = nowOf(ctx);
  const state = billingState(team, now);
  const pageviews = state.period
    ? (await periodUsage(ctx.db, teamId, state.period.start, team.subscription, now)).pageviews
    : null;
  const overQuotaPeriods = team.subscription?.overQuotaPeriods ?? 0;
  return {
    teamId,
    teamName: team.teamName,
    enabled: billingEnabled(ctx),
    state,
    hasBillingAccount: Boolean(team.subscription?.stripeCustomerId),
    stripeStatus: team.subscription?.stripeSubscriptionId ? team.subscription.status : null,
    pageviews,
    percent: pageviews === null ? null : quotaLevel(pageviews, state.plan).percent,
    overQuotaPeriods,
    graceLeft: Math.max(0, QUOTA_GRACE_PERIODS - overQuotaPeriods),
    pausedReason: (team.subscription?.recordingPauseReason as PauseReason | null) ?? null,
    periodEnd: state.period?.end ?? null,
  };
}
