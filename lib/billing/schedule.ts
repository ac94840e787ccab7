// Runs the quota and standing check (check-quota.ts) inside each app server every
// BILLING_CHECK_INTERVAL_MINUTES (± 10%), under a PostgreSQL advisory lock so that one instance
// at a time does it; the first run comes 30–90 seconds after start. On the embedded PGlite the lock is
// always granted (one backend session), which is right: only one process can own that database.
import pg from 'pg';

import { log } from '@/lib/log';

import type { BillingContext } from './billing-context';
import { checkAllQuotas } from './check-quota';

/** Any fixed 64-bit number, distinct from the migration and retention locks. */
export const BILLING_LOCK_KEY = 72_616_583_023n;

export async function checkQuotasExclusively(ctx: BillingContext, url: string, signal?: AbortSignal) {
  const lock = new pg.Client({ connectionString: url });
  lock.on('error', () => {});
  await lock.connect();
  try {
    const { rows } = await lock.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1) AS locked', [
      BILLING_LOCK_KEY.toString(),
    ]);
    if (!rows[0]?.locked) return null;
    try {
      return await checkAllQuotas(ctx, signal);
    } finally {
      await lock.query('SELECT pg_advisory_unlock($1)', [BILLING_LOCK_KEY.toString()]).catch(() => {});
    }
  } finally {
    await lock.end().catch(() => {});
  }
}

export function scheduleBillingChecks(ctx: BillingContext, url: string, intervalMs: number) {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  const next = (delayMs: number) => {
    if (controller.signal.aborted) return;
    timer = setTimeout(tick, delayMs);
    timer.unref();
  };
  const tick = () => {
    running = checkQuotasExclusively(ctx, url, controller.signal)
      .then((report) => {
        if (report) log.info({ billing: report }, 'billing check finished');
      })
      .catch((error: unknown) => log.error({ err: error }, 'billing check failed'))
      .finally(() => {
        running = undefined;
        next(intervalMs * (0.9 + 0.2 * Math.random()));
      });
  };
  next(30_000 + 60_000 * Math.random());
  return {
    async stop() {
      controller.abort();
      clearTimeout(timer);
      await running;
    },
  };
}
