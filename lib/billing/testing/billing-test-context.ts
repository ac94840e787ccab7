// For integration tests: a BillingContext on a test database whose Stripe client talks to a local
// FakeStripe, with a mailer that keeps messages in memory and a clock the test can move.
import type { TestDatabase } from '@/lib/db/test-database';
import type { OutgoingEmail } from '@/lib/email/mailer';

import type { BillingContext } from '../billing-context';
import type { PriceTable } from '../prices';
import { createStripe } from '../stripe-client';
import { FakeStripe } from './fake-stripe';

export const TEST_PRICES: PriceTable = {
  starter: { month: 'price_starter_month', year: 'price_starter_year' },
  growth: { month: 'price_growth_month', year: 'price_growth_year' },
  business: { month: 'price_business_month', year: 'price_business_year' },
  scale: { month: 'price_scale_month', year: 'price_scale_year' },
};

export const TEST_WEBHOOK_SECRET = 'whsec_glance_test_secret';

export interface BillingTest {
  ctx: BillingContext;
  fake: FakeStripe;
  sent: OutgoingEmail[];
  clock: { now: Date };
}

export async function startBillingTest(test: TestDatabase): Promise<BillingTest> {
  const intervals = Object.fromEntries(
    Object.values(TEST_PRICES).flatMap((p) => [
      [p.month, 'month'],
      [p.year, 'year'],
    ]),
  ) as Record<string, 'month' | 'year'>;
  const fake = await new FakeStripe({ intervals, webhookSecret: TEST_WEBHOOK_SECRET }).start();
  const sent: OutgoingEmail[] = [];
  const clock = { now: new Date() };
  const ctx: BillingContext = {
    db: test.db,
    stripe: createStripe('sk_test_glance', { host: '127.0.0.1', port: fake.port, protocol: 'http' }),
    prices: TEST_PRICES,
    webhookSecret: TEST_WEBHOOK_SECRET,
    mailer: { send: (email) => void sent.push(email) },
    appUrl: 'http://localhost:3000',
    now: () => clock.now,
  };
  return { ctx, fake, sent, clock };
}
