// Starting a subscription: an owner picks a plan and interval, Stripe Checkout takes the payment.
// The returned URL grants nothing by itself: only the signed webhook (process-stripe-event.ts) does.
import { z } from 'zod';

import { recordAudit } from '@/lib/audit/record-audit';
import { Conflict, Invalid, NotFound } from '@/lib/errors';
import { requirePermission } from '@/lib/teams/permissions';

import { billingEnabled, billingUrl, nowOf, type BillingContext } from './billing-context';
import { billingState } from './billing-state';
import { PAID_PLANS, type PaidPlanId } from './plans';
import { priceIdFor } from './prices';
import { loadTeamBilling } from './team-billing';

export const checkoutInput = z.object({
  plan: z.enum(PAID_PLANS.map((plan) => plan.id) as [PaidPlanId, ...PaidPlanId[]], {
    message: 'Choose one of the plans',
  }),
  interval: z.enum(['month', 'year'], { message: 'Choose monthly or yearly billing' }),
});

/** Stripe wants a trial end at least two days ahead; a shorter rest of our trial is not carried over. */
const MIN_TRIAL_CARRY_MS = 2 * 86_400_000 + 3_600_000;

export async function startCheckout(
  ctx: BillingContext,
  actor: { userId: string },
  teamId: string,
  input: unknown,
): Promise<string> {
  await requirePermission(ctx.db, actor.userId, teamId, 'billing:manage');
  const parsed = checkoutInput.safeParse(input);
  if (!parsed.success) throw new Invalid(parsed.error.issues[0]?.message ?? 'Choose a plan');
  if (!billingEnabled(ctx)) throw new Conflict('Billing is not set up on this Glance installation.');
  const stripe = ctx.stripe!;
  const team = await loadTeamBilling(ctx.db, teamId);
  if (!team) throw new NotFound('Team not found');
  const now = nowOf(ctx);
  const state = billingState(team, now);
  if (state.standing === 'paid' || state.standing === 'past_due') {
    throw new Conflict('This team already has a subscription: change its plan in the billing portal.');
  }
  const { plan, interval } = parsed.data;

  let customerId = team.subscription?.stripeCustomerId ?? null;
  if (!customerId) {
    // The idempotency key makes a double click (or two owners at once) create one customer, not two.
    const customer = await stripe.customers.create(
      { name: team.teamName, metadata: { teamId } },
      { idempotencyKey: `glance-customer-${teamId}` },
    );
    customerId = customer.id;
    await ctx.db.subscription.upsert({
      where: { teamId },
      create: { teamId, stripeCustomerId: customerId, trialEndsAt: state.trialEndsAt },
      update: { stripeCustomerId: customerId },
    });
  }

  // Choosing a plan during the free trial does not cut it short: the first payment is due when it ends.
  const trialLeft = state.standing === 'trial' ? state.trialEndsAt.getTime() - now.getTime() : 0;
  const session = await stripe.checkout.sessions.create({
    mode: 'subscription',
    customer: customerId,
    client_reference_id: teamId,
    line_items: [{ price: priceIdFor(ctx.prices!, plan, interval), quantity: 1 }],
    subscription_data: {
      metadata: { teamId },
      ...(trialLeft >= MIN_TRIAL_CARRY_MS ? { trial_end: Math.floor(state.trialEndsAt.getTime() / 1000) } : {}),
    },
    // Prices exclude VAT (pricing page): Stripe Tax adds it from the billing address and VAT number.
    automatic_tax: { enabled: true },
    tax_id_collection: { enabled: true },
    billing_address_collection: 'required',
    customer_update: { address: 'auto', name: 'auto' },
    success_url: billingUrl(ctx, teamId, 'checkout=success'),
    cancel_url: billingUrl(ctx, teamId, 'checkout=cancelled'),
  });
  if (!session.url) throw new Error('Stripe returned a checkout session without a URL');
  await recordAudit(ctx.db, {
    action: 'billing.checkout_started',
    actorId: actor.userId,
    teamId,
    targetType: 'team',
    targetId: teamId,
    metadata: { plan, interval },
  });
  return session.url;
}
