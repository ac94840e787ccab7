// Stripe price ids of every paid plan and interval (configuration), and the way back from a price id
// to the plan: checkout sends the first, webhooks read the second. Plans themselves live in plans.ts.
import type { Config } from '@/lib/config';

import { PAID_PLANS, type BillingInterval, type PaidPlanId } from './plans';

export type PriceTable = Record<PaidPlanId, Record<BillingInterval, string>>;

type PriceVariable = `STRIPE_PRICE_${Uppercase<PaidPlanId>}_${Uppercase<BillingInterval>}`;

const variableFor = (plan: PaidPlanId, interval: BillingInterval) =>
  `STRIPE_PRICE_${plan.toUpperCase()}_${interval.toUpperCase()}` as PriceVariable;

/** The table from STRIPE_PRICE_* (null unless every price is configured; config.ts requires all of them with a key). */
export function priceTableFromConfig(settings: Pick<Config, PriceVariable>): PriceTable | null {
  const table: Partial<PriceTable> = {};
  for (const plan of PAID_PLANS) {
    const id = plan.id as PaidPlanId;
    const month = settings[variableFor(id, 'month')];
    const year = settings[variableFor(id, 'year')];
    if (!month || !year) return null;
    table[id] = { month, year };
  }
  return table as PriceTable;
}

export function priceIdFor(table: PriceTable, plan: PaidPlanId, interval: BillingInterval): string {
  return table[plan][interval];
}

/** Which plan and interval a Stripe price id stands for; null for a price Glance does not sell. */
export function planForPrice(
  table: PriceTable,
  priceId: string,
): { plan: PaidPlanId; interval: BillingInterval } | null {
  for (const [plan, prices] of Object.entries(table) as [PaidPlanId, Record<BillingInterval, string>][]) {
    if (prices.month === priceId) return { plan, interval: 'month' };
    if (prices.year === priceId) return { plan, interval: 'year' };
  }
  return null;
}
