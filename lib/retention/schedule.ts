// Runs the retention job inside the app server: periodically, with jitter so that instances started
// together drift apart, and under a PostgreSQL advisory lock so that only one instance runs it at a time.
import pg from 'pg';

import type { Database } from '@/lib/db/client';
import { log } from '@/lib/log';

import { runRetention, type RetentionReport } from './run-retention';

/** Any fixed 64-bit number, distinct from the migration lock's. */
export const RETENTION_LOCK_KEY = 72_616_583_022n;

export interface RetentionTarget {
  db: Database;
  pool: pg.Pool;
  /** For the lock's own connection: a pool connection held for the whole run would starve a small pool. */
  url: string;
}

/**
 * One run, unless another process is running one (then null). The lock is a session lock on a
 * connection of its own, so it is released even if this process dies mid-run.
 */
export async function runRetentionExclusively(
  target: RetentionTarget,
  now: Date,
  signal?: AbortSignal,
): Promise<RetentionReport | null> {
  const lock = new pg.Client({ connectionString: target.url });
  lock.on('error', () => {}); // a lost connection releases the lock; the run's own queries report errors
  await lock.connect();
  try {
    const { rows } = await lock.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1) AS locked', [
      RETENTION_LOCK_KEY.toString(),
    ]);
    if (!rows[0]?.locked) return null;
    try {
      return await runRetention(target, now, { signal });
    } finally {
      await lock.query('SELECT pg_advisory_unlock($1)', [RETENTION_LOCK_KEY.toString()]).catch(() => {});
    }
  } finally {
    await lock.end().catch(() => {});
  }
}

export interface Schedule {
  /** Cancels future runs, asks a running one to stop between batches, and waits for it. */
  stop(): Promise<void>;
}

export interface ScheduleOptions {
  intervalMs: number;
  /** Default: 1–6 minutes, after the app has warmed up and soon enough that an often-restarted instance still runs it. */
  firstDelayMs?: number;
  random?: () => number;
}

/** Calls `run` every `intervalMs` ± 10% until stopped. Logs what each run deleted; never throws. */
export function scheduleRetention(
  run: (signal: AbortSignal) => Promise<RetentionReport | null>,
  { intervalMs, random = Math.random, firstDelayMs = 60_000 + 300_000 * random() }: ScheduleOptions,
): Schedule {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;

  const next = (delayMs: number) => {
    if (controller.signal.aborted) return;
    timer = setTimeout(tick, delayMs);
    timer.unref(); // never keeps the process alive on its own
  };
  const tick = () => {
    running = run(controller.signal)
      .then((report) => {
        if (report) log.info({ retention: report }, 'retention job finished');
        else log.debug('retention job skipped: another instance is running it');
      })
      .catch((error: unknown) => log.error({ err: error }, 'retention job failed'))
      .finally(() => {
        running = undefined;
        next(intervalMs * (0.9 + 0.2 * random()));
      });
  };

  next(firstDelayMs);
  return {
    async stop() {
      controller.abort();
      clearTimeout(timer);
      await running;
    },
  };
}
