// The Stripe Customer Portal: card, invoices, plan changes and cancellation, for owners only.
// Whatever is changed there reaches Glance through webhooks, never through the return URL.
import { recordAudit } from '@/lib/audit/record-audit';
import { Conflict } from '@/lib/errors';
import { requirePermission } from '@/lib/teams/permissions';

import { billingEnabled, billingUrl, type BillingContext } from './billing-context';

export async function openBillingPortal(
  ctx: BillingContext,
  actor: { userId: string },
  teamId: string,
): Promise<string> {
  await requirePermission(ctx.db, actor.userId, teamId, 'billing:manage');
  if (!billingEnabled(ctx)) throw new Conflict('Billing is not set up on this Glance installation.');
  const subscription = await ctx.db.subscription.findUnique({
    where: { teamId },
    select: { stripeCustomerId: true },
  });
  if (!subscription?.stripeCustomerId) {
    throw new Conflict('This team has no billing account yet: choose a plan first.');
  }
  const session = await ctx.stripe!.billingPortal.sessions.create({
    customer: subscription.stripeCustomerId,
    return_url: billingUrl(ctx, teamId),
  });
  await recordAudit(ctx.db, {
    action: 'billing.portal_opened',
    actorId: actor.userId,
    teamId,
    targetType: 'team',
    targetId: teamId,
  });
  return session.url;
}
