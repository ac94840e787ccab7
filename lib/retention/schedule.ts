// Runs the retention job inside the app server, periodically and under an advisory lock (lib/jobs).
import type pg from 'pg';

import type { Database } from '@/lib/db/client';
import { runExclusively, schedulePeriodic, type Schedule, type ScheduleOptions } from '@/lib/jobs/periodic';

import { runRetention, type RetentionReport } from './run-retention';

/**
 * Any fixed 64-bit number, distinct from the migration lock's. The rollup job takes it too: it must
 * see a day's rows either before retention deletes them or after, never half way.
 */
export const RETENTION_LOCK_KEY = 72_616_583_022n;

export interface RetentionTarget {
  db: Database;
  pool: pg.Pool;
  /** For the lock's own connection. */
  url: string;
}

/** One run, unless another process is running one (then null). */
export async function runRetentionExclusively(
  target: RetentionTarget,
  now: Date,
  signal?: AbortSignal,
): Promise<RetentionReport | null> {
  return runExclusively(target.url, RETENTION_LOCK_KEY, () => runRetention(target, now, { signal }));
}

export type { Schedule, ScheduleOptions };

/** Calls `run` every `intervalMs` ± 10% until stopped. Logs what each run deleted; never throws. */
export function scheduleRetention(
  run: (signal: AbortSignal) => Promise<RetentionReport | null>,
  options: ScheduleOptions,
): Schedule {
  return schedulePeriodic('retention', run, options);
}
