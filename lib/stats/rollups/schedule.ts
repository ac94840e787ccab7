// Runs the rollup job inside the app server, periodically. It shares the retention job's lock, so the
// two never interleave (lib/retention/schedule.ts); on the embedded database, one process, no lock.
import type { Database } from '@/lib/db/client';
import { runExclusively, schedulePeriodic, type Schedule } from '@/lib/jobs/periodic';
import { RETENTION_LOCK_KEY } from '@/lib/retention/schedule';

import { runRollups, type RollupReport } from './run-rollups';

export interface RollupTarget {
  db: Database;
  /** For the lock's own connection; absent on the embedded database. */
  url?: string;
}

export function runRollupsExclusively(
  target: RollupTarget,
  now: Date,
  signal?: AbortSignal,
): Promise<RollupReport | null> {
  const run = () => runRollups(target.db, now, { signal });
  return target.url ? runExclusively(target.url, RETENTION_LOCK_KEY, run) : run();
}

/** First run soon after start (a fresh demo has 30 days to roll up), then every `intervalMs` ± 10%. */
export function scheduleRollups(target: RollupTarget, intervalMs: number): Schedule {
  return schedulePeriodic('rollups', (signal) => runRollupsExclusively(target, new Date(), signal), {
    intervalMs,
    firstDelayMs: 15_000 + 30_000 * Math.random(),
  });
}
