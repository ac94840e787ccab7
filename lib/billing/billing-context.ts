// What the billing flows need from outside, passed explicitly so tests can supply their own database
// schema, a Stripe client pointed at a local server, a mail catcher and a clock.
import type Stripe from 'stripe';

import { config } from '@/lib/config';
import { db, type Database } from '@/lib/db/client';
import { mailer, type Mailer } from '@/lib/email/mailer';

import { priceTableFromConfig, type PriceTable } from './prices';
import { stripeFromConfig } from './stripe-client';

export interface BillingContext {
  db: Database;
  /** null: billing is off (no STRIPE_SECRET_KEY): no trial limits, quotas or banners. */
  stripe: Stripe | null;
  prices: PriceTable | null;
  webhookSecret: string | null;
  mailer: Mailer;
  /** Base for links in emails and Stripe's return URLs (APP_URL). */
  appUrl: string;
  now?: () => Date;
}

export const nowOf = (ctx: { now?: () => Date }) => (ctx.now ? ctx.now() : new Date());

export function billingContext(): BillingContext {
  const settings = config();
  return {
    db: db(),
    stripe: stripeFromConfig(settings),
    prices: priceTableFromConfig(settings),
    webhookSecret: settings.STRIPE_WEBHOOK_SECRET ?? null,
    mailer: mailer(),
    appUrl: settings.APP_URL,
  };
}

/** Billing is on when a Stripe key and every price id are configured. */
export function billingEnabled(ctx: Pick<BillingContext, 'stripe' | 'prices'>): boolean {
  return Boolean(ctx.stripe && ctx.prices);
}

export function billingUrl(ctx: Pick<BillingContext, 'appUrl'>, teamId: string, query?: string): string {
  const url = new URL(`/teams/${encodeURIComponent(teamId)}/billing`, ctx.appUrl);
  if (query) url.search = query;
  return url.toString();
}
