// Maps a Stripe subscription onto the team's Subscription row (inside the event's transaction) and
// audit-logs plan changes, status changes and cancellations. Nothing about cards is read or kept.
import type Stripe from 'stripe';

import { recordAudit } from '@/lib/audit/record-audit';
import type { Prisma } from '@/lib/db/generated/client';
import { log } from '@/lib/log';

import { planForPrice, type PriceTable } from '../prices';
import type { SubscriptionRow } from '../team-billing';

const fromUnix = (seconds: number | null | undefined) => (seconds ? new Date(seconds * 1000) : null);

export const idOf = (value: string | { id: string } | null | undefined) =>
  typeof value === 'string' ? value : (value?.id ?? null);

/** The fields of our row that a Stripe subscription determines. */
export function subscriptionFields(subscription: Stripe.Subscription, prices: PriceTable, previousPlan: string) {
  const item = subscription.items.data[0];
  const priced = item ? planForPrice(prices, item.price.id) : null;
  if (item && !priced) {
    // A price Glance does not sell (set up by hand in Stripe?): keep the plan, record the status.
    log.warn({ price: item.price.id, subscription: subscription.id }, 'subscription with an unknown price');
  }
  return {
    stripeSubscriptionId: subscription.id,
    stripeCustomerId: idOf(subscription.customer),
    status: subscription.status,
    plan: priced?.plan ?? previousPlan,
    interval: priced?.interval ?? item?.price.recurring?.interval ?? null,
    currentPeriodStart: fromUnix(item?.current_period_start),
    currentPeriodEnd: fromUnix(item?.current_period_end),
    cancelAtPeriodEnd: subscription.cancel_at_period_end || Boolean(subscription.cancel_at),
  } satisfies Prisma.SubscriptionUncheckedUpdateInput;
}

export async function applySubscription(
  tx: Prisma.TransactionClient,
  input: {
    teamId: string;
    previous: SubscriptionRow | null;
    subscription: Stripe.Subscription;
    prices: PriceTable;
    eventAt: Date;
    eventId: string;
  },
): Promise<void> {
  const { teamId, previous, subscription, prices, eventAt, eventId } = input;
  const fields = subscriptionFields(subscription, prices, previous?.plan ?? 'trial');
  const lastEventAt = previous?.lastEventAt && previous.lastEventAt > eventAt ? previous.lastEventAt : eventAt;
  await tx.subscription.upsert({
    where: { teamId },
    create: { teamId, ...fields, lastEventAt },
    update: { ...fields, lastEventAt },
  });

  const audit = (action: Parameters<typeof recordAudit>[1]['action'], metadata: Prisma.InputJsonObject) =>
    recordAudit(tx, {
      action,
      teamId,
      targetType: 'subscription',
      targetId: subscription.id,
      metadata: { ...metadata, stripeEvent: eventId },
    });
  const before = {
    plan: previous?.stripeSubscriptionId ? previous.plan : 'trial',
    interval: previous?.stripeSubscriptionId ? previous.interval : null,
    status: previous?.stripeSubscriptionId ? previous.status : 'trialing',
    cancelAtPeriodEnd: previous?.cancelAtPeriodEnd ?? false,
  };
  if (fields.status === 'canceled' && before.status !== 'canceled') {
    await audit('billing.subscription_canceled', { plan: fields.plan, from: before.status });
    return;
  }
  if (before.plan !== fields.plan || before.interval !== fields.interval) {
    await audit('billing.plan_changed', {
      from: before.plan,
      to: fields.plan,
      fromInterval: before.interval,
      toInterval: fields.interval,
      status: fields.status,
    });
  } else if (before.status !== fields.status) {
    await audit('billing.status_changed', { from: before.status, to: fields.status, plan: fields.plan });
  }
  if (fields.cancelAtPeriodEnd !== before.cancelAtPeriodEnd) {
    await audit(fields.cancelAtPeriodEnd ? 'billing.cancellation_scheduled' : 'billing.cancellation_withdrawn', {
      plan: fields.plan,
      endsAt: fields.currentPeriodEnd?.toISOString() ?? null,
    });
  }
}
