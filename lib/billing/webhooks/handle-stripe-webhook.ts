// The webhook endpoint's work: verify Stripe's signature over the raw body, then process the event.
// A bad or missing signature is a 400 and nothing is read from the body.
import type Stripe from 'stripe';
import { z } from 'zod';

import { Invalid, NotFound } from '@/lib/errors';

import type { BillingContext } from '../billing-context';
import { processStripeEvent, type EventOutcome } from './process-stripe-event';

/** Stripe's events are a few kilobytes; anything this large is not one. */
export const WEBHOOK_MAX_BYTES = 256 * 1024;

/** The envelope every event has; the signature already proves it came from Stripe. */
const eventEnvelope = z.object({
  id: z.string().regex(/^evt_\w+$/),
  type: z.string().min(1).max(100),
  created: z.number().int().positive(),
  data: z.object({ object: z.looseObject({ object: z.string() }) }),
});

export async function handleStripeWebhook(
  ctx: BillingContext,
  rawBody: string,
  signature: string | null,
): Promise<{ id: string; outcome: EventOutcome }> {
  if (!ctx.stripe || !ctx.webhookSecret || !ctx.prices) throw new NotFound('Billing is not set up');
  if (!signature) throw new Invalid('Missing Stripe-Signature header');
  let event: Stripe.Event;
  try {
    // Five minutes of tolerance (Stripe's default) refuses replays of old deliveries.
    event = ctx.stripe.webhooks.constructEvent(rawBody, signature, ctx.webhookSecret);
  } catch {
    throw new Invalid('Invalid Stripe signature');
  }
  if (!eventEnvelope.safeParse(event).success) throw new Invalid('Not a Stripe event');
  return { id: event.id, outcome: await processStripeEvent(ctx, event) };
}
