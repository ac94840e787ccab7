// The local Stripe-compatible server as its own process, for the end-to-end tests (playwright.config.ts
// starts it next to the app, which reaches it through STRIPE_API_HOST/PORT/PROTOCOL). "Pay" on its
// checkout page delivers signed webhooks to --webhook-url. GET /__requests lists what it received.
import { FakeStripe } from '@/lib/billing/testing/fake-stripe';

const arg = (name: string) => {
  const index = process.argv.indexOf(name);
  return index > 0 ? process.argv[index + 1] : undefined;
};

async function main() {
  const yearPrices = (arg('--year-prices') ?? '').split(',').filter(Boolean);
  const fake = await new FakeStripe({
    port: Number(arg('--port') ?? 0),
    webhookUrl: arg('--webhook-url'),
    webhookSecret: arg('--webhook-secret'),
    intervals: Object.fromEntries(yearPrices.map((price) => [price, 'year' as const])),
  }).start();
  console.log(`Fake Stripe on ${fake.url}, webhooks to ${arg('--webhook-url') ?? 'nowhere'}`);
  const stop = () => void fake.stop().then(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

void main();
