// For the code that deletes a team (teams): the team's Stripe subscription must end too, or Stripe
// would keep charging for a team that no longer exists. Call it before deleting the team's rows;
// it cancels at once (no proration refund) and is a no-op without a live subscription or billing.
import type { BillingContext } from './billing-context';

const LIVE = new Set(['active', 'trialing', 'past_due', 'unpaid', 'incomplete', 'paused']);

export async function cancelSubscriptionOfDeletedTeam(ctx: BillingContext, teamId: string): Promise<boolean> {
  if (!ctx.stripe) return false;
  const subscription = await ctx.db.subscription.findUnique({
    where: { teamId },
    select: { stripeSubscriptionId: true, status: true },
  });
  if (!subscription?.stripeSubscriptionId || !LIVE.has(subscription.status)) return false;
  await ctx.stripe.subscriptions.cancel(subscription.stripeSubscriptionId, {
    cancellation_details: { comment: 'Team deleted in Glance' },
  });
  return true;
}
