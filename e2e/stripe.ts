// Billing in the end-to-end run: the app's Stripe configuration (test keys, price ids) and a way to
// read what the local fake Stripe (scripts/fake-stripe.ts) received.
import { APP_PORT, FAKE_STRIPE_PORT } from './ports';

const PLANS = ['starter', 'growth', 'business', 'scale'] as const;

export const E2E_PRICES = Object.fromEntries(
  PLANS.flatMap((plan) => [
    [`STRIPE_PRICE_${plan.toUpperCase()}_MONTH`, `price_e2e_${plan}_month`],
    [`STRIPE_PRICE_${plan.toUpperCase()}_YEAR`, `price_e2e_${plan}_year`],
  ]),
) as Record<string, string>;

export const E2E_WEBHOOK_SECRET = 'whsec_e2e_glance';

/** Environment for the app under test: billing on, Stripe's API answered by the fake server. */
export const E2E_STRIPE_ENV: Record<string, string> = {
  STRIPE_SECRET_KEY: 'sk_test_e2e_glance',
  STRIPE_WEBHOOK_SECRET: E2E_WEBHOOK_SECRET,
  ...E2E_PRICES,
  STRIPE_API_HOST: '127.0.0.1',
  STRIPE_API_PORT: String(FAKE_STRIPE_PORT),
  STRIPE_API_PROTOCOL: 'http',
};

/** The command that starts the fake Stripe, delivering its webhooks to the app. */
export const FAKE_STRIPE_COMMAND = [
  'npx tsx scripts/fake-stripe.ts',
  `--port ${FAKE_STRIPE_PORT}`,
  `--webhook-url http://localhost:${APP_PORT}/api/stripe/webhook`,
  `--webhook-secret ${E2E_WEBHOOK_SECRET}`,
  `--year-prices ${PLANS.map((plan) => `price_e2e_${plan}_year`).join(',')}`,
].join(' ');

export const FAKE_STRIPE_URL = `http://127.0.0.1:${FAKE_STRIPE_PORT}`;

export interface RecordedStripeRequest {
  method: string;
  path: string;
  body: Record<string, unknown>;
}

/** Every API request the fake Stripe received, oldest first. */
export async function stripeRequests(): Promise<RecordedStripeRequest[]> {
  return (await (await fetch(`${FAKE_STRIPE_URL}/__requests`)).json()) as RecordedStripeRequest[];
}
