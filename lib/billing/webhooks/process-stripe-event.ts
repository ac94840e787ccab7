// Applies one verified Stripe event exactly once. The event id is stored in the same transaction as
// its effect (a replay finds it and changes nothing); the subscription is re-fetched from Stripe, so
// its state is the current one whatever order events arrive in; and an event older than the last one
// applied to the team is recorded as stale without touching the state. Emails go out after commit.
import type Stripe from 'stripe';

import type { Prisma } from '@/lib/db/generated/client';
import { log } from '@/lib/log';

import { billingUrl, type BillingContext } from '../billing-context';
import { paymentActionRequiredTemplate, paymentFailedTemplate, stripeTrialEndingTemplate } from '../billing-emails';
import { trialEndOf } from '../billing-state';
import { checkTeamQuota } from '../check-quota';
import { loadTeamBilling, ownerEmails } from '../team-billing';
import { applySubscription, idOf } from './apply-subscription';

export type EventOutcome = 'applied' | 'duplicate' | 'stale' | 'ignored';

type Notice = 'payment_failed' | 'payment_action_required' | 'trial_will_end';

interface Target {
  teamId: string;
  subscriptionId: string | null;
  notice?: Notice;
}

export const HANDLED_EVENTS = [
  'checkout.session.completed',
  'customer.subscription.created',
  'customer.subscription.updated',
  'customer.subscription.deleted',
  'customer.subscription.trial_will_end',
  'invoice.paid',
  'invoice.payment_failed',
  'invoice.payment_action_required',
] as const;

async function teamOfCustomer(ctx: BillingContext, customerId: string | null, metadataTeamId?: string) {
  if (customerId) {
    const row = await ctx.db.subscription.findUnique({
      where: { stripeCustomerId: customerId },
      select: { teamId: true },
    });
    if (row) return row.teamId;
  }
  // Our own metadata (set at checkout; the event is signed): for a customer not linked yet.
  if (metadataTeamId) {
    const team = await ctx.db.team.findUnique({ where: { id: metadataTeamId }, select: { id: true } });
    if (team) return team.id;
  }
  return null;
}

async function resolveTarget(ctx: BillingContext, event: Stripe.Event): Promise<Target | null> {
  switch (event.type) {
    case 'checkout.session.completed': {
      const session = event.data.object;
      if (session.mode !== 'subscription' || !session.client_reference_id) return null;
      const teamId = session.client_reference_id;
      const team = await ctx.db.team.findUnique({
        where: { id: teamId },
        select: { subscription: { select: { stripeCustomerId: true } } },
      });
      if (!team) return null;
      const stored = team.subscription?.stripeCustomerId;
      if (stored && stored !== idOf(session.customer)) {
        log.warn({ event: event.id }, 'checkout session for another customer than the team’s: ignored');
        return null;
      }
      return { teamId, subscriptionId: idOf(session.subscription) };
    }
    case 'customer.subscription.created':
    case 'customer.subscription.updated':
    case 'customer.subscription.deleted':
    case 'customer.subscription.trial_will_end': {
      const subscription = event.data.object;
      const teamId = await teamOfCustomer(ctx, idOf(subscription.customer), subscription.metadata?.teamId);
      if (!teamId) return null;
      return {
        teamId,
        subscriptionId: subscription.id,
        notice: event.type === 'customer.subscription.trial_will_end' ? 'trial_will_end' : undefined,
      };
    }
    case 'invoice.paid':
    case 'invoice.payment_failed':
    case 'invoice.payment_action_required': {
      const invoice = event.data.object;
      // API 2026-10-28: an invoice's subscription is under parent.subscription_details.
      const subscriptionId = idOf(invoice.parent?.subscription_details?.subscription);
      if (!subscriptionId) return null;
      const teamId = await teamOfCustomer(
        ctx,
        idOf(invoice.customer),
        invoice.parent?.subscription_details?.metadata?.teamId,
      );
      if (!teamId) return null;
      const notice = event.type === 'invoice.paid' ? undefined : event.type.slice('invoice.'.length);
      return { teamId, subscriptionId, notice: notice as Notice | undefined };
    }
    default:
      return null;
  }
}

export async function processStripeEvent(ctx: BillingContext, event: Stripe.Event): Promise<EventOutcome> {
  if (await ctx.db.stripeEvent.findUnique({ where: { id: event.id }, select: { id: true } })) return 'duplicate';
  const target = await resolveTarget(ctx, event);
  const eventAt = new Date(event.created * 1000);
  const subscription = target?.subscriptionId ? await ctx.stripe!.subscriptions.retrieve(target.subscriptionId) : null;

  const outcome = await ctx.db.$transaction(async (tx: Prisma.TransactionClient): Promise<EventOutcome> => {
    const inserted = await tx.stripeEvent.createMany({
      data: [
        { id: event.id, type: event.type, createdAt: eventAt, teamId: target?.teamId ?? null, outcome: 'processing' },
      ],
      skipDuplicates: true,
    });
    // Delivered twice at once: the other delivery holds (or committed) this id.
    if (inserted.count === 0) return 'duplicate';
    let result: EventOutcome = 'ignored';
    const team = target ? await loadTeamBilling(tx, target.teamId) : null;
    if (target && team) {
      // Serialise the events of one team on its row.
      await tx.subscription.upsert({
        where: { teamId: target.teamId },
        create: { teamId: target.teamId, trialEndsAt: trialEndOf(team) },
        update: {},
      });
      await tx.$queryRaw`SELECT 1 FROM "Subscription" WHERE "teamId" = ${target.teamId} FOR UPDATE`;
      const previous = (await loadTeamBilling(tx, target.teamId))!.subscription;
      if (previous?.lastEventAt && eventAt < previous.lastEventAt) {
        result = 'stale';
      } else {
        if (subscription) {
          await applySubscription(tx, {
            teamId: target.teamId,
            previous,
            subscription,
            prices: ctx.prices!,
            eventAt,
            eventId: event.id,
          });
        }
        result = 'applied';
      }
    }
    await tx.stripeEvent.update({ where: { id: event.id }, data: { outcome: result } });
    return result;
  });

  if (outcome === 'applied' && target) {
    if (target.notice) await sendNotice(ctx, target.teamId, target.notice, subscription);
    // Recording resumes (or pauses) at once, not at the next scheduled check.
    await checkTeamQuota(ctx, target.teamId);
  }
  return outcome;
}

async function sendNotice(
  ctx: BillingContext,
  teamId: string,
  notice: Notice,
  subscription: Stripe.Subscription | null,
): Promise<void> {
  const team = await ctx.db.team.findUnique({ where: { id: teamId }, select: { name: true } });
  if (!team) return;
  const url = billingUrl(ctx, teamId);
  const template =
    notice === 'payment_failed'
      ? paymentFailedTemplate({ teamName: team.name }, url)
      : notice === 'payment_action_required'
        ? paymentActionRequiredTemplate({ teamName: team.name }, url)
        : stripeTrialEndingTemplate(
            {
              teamName: team.name,
              trialEndsAt: subscription?.trial_end ? new Date(subscription.trial_end * 1000) : null,
            },
            url,
          );
  for (const to of await ownerEmails(ctx.db, teamId)) ctx.mailer.send({ to, ...template });
}
