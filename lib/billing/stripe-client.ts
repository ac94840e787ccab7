// The Stripe client of the process, from configuration. STRIPE_API_HOST/PORT/PROTOCOL (tests only,
// refused in production) point it at a local Stripe-compatible server such as scripts/fake-stripe.ts.
import Stripe from 'stripe';

import type { Config } from '@/lib/config';

export interface StripeEndpoint {
  host?: string;
  port?: number;
  protocol?: 'http' | 'https';
}

export function createStripe(secretKey: string, endpoint: StripeEndpoint = {}): Stripe {
  const local = Boolean(endpoint.host);
  return new Stripe(secretKey, {
    ...(endpoint.host ? { host: endpoint.host } : {}),
    ...(endpoint.port ? { port: endpoint.port } : {}),
    ...(endpoint.protocol ? { protocol: endpoint.protocol } : {}),
    // Creations carry idempotency keys, so Stripe's own retries are safe; a local test server gets none.
    maxNetworkRetries: local ? 0 : 2,
    timeout: 20_000,
    appInfo: { name: 'Glance' },
  });
}

const globalForStripe = globalThis as unknown as { glanceStripe?: Stripe };

/** The process's client, or null when billing is off (no STRIPE_SECRET_KEY). */
export function stripeFromConfig(settings: Config): Stripe | null {
  if (!settings.STRIPE_SECRET_KEY) return null;
  globalForStripe.glanceStripe ??= createStripe(settings.STRIPE_SECRET_KEY, {
    host: settings.STRIPE_API_HOST,
    port: settings.STRIPE_API_PORT,
    protocol: settings.STRIPE_API_PROTOCOL,
  });
  return globalForStripe.glanceStripe;
}
