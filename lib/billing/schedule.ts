// Runs the quota and standing check (check-quota.ts) inside each app server every
// BILLING_CHECK_INTERVAL_MINUTES (± 10%), under a PostgreSQL advisory lock so that one instance
// at a time does it; the first run comes 30–90 seconds after start. On the embedded PGlite the lock is
// always granted (one backend session), which is right: only one process can own that database.
import { runExclusively, schedulePeriodic } from '@/lib/jobs/periodic';

import type { BillingContext } from './billing-context';
import { checkAllQuotas } from './check-quota';

/** Any fixed 64-bit number, distinct from the migration and retention locks. */
export const BILLING_LOCK_KEY = 72_616_583_023n;

export async function checkQuotasExclusively(ctx: BillingContext, url: string, signal?: AbortSignal) {
  return runExclusively(url, BILLING_LOCK_KEY, () => checkAllQuotas(ctx, signal));
}

export function scheduleBillingChecks(ctx: BillingContext, url: string, intervalMs: number) {
  return schedulePeriodic('billing', (signal) => checkQuotasExclusively(ctx, url, signal), {
    intervalMs,
    firstDelayMs: 30_000 + 60_000 * Math.random(),
  });
}
