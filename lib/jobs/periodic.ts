// Background jobs inside the app server (retention, rollups): each run under a PostgreSQL advisory
// lock so that only one instance runs it at a time, and repeated with jitter so that instances
// started together drift apart.
import pg from 'pg';

import { log } from '@/lib/log';

/**
 * `run()`, unless another process holds the lock `key` (then null). The lock is a session lock on a
 * connection of its own (a pool connection held for the whole run would starve a small pool), so it
 * is released even if this process dies mid-run.
 */
export async function runExclusively<T>(url: string, key: bigint, run: () => Promise<T>): Promise<T | null> {
  const lock = new pg.Client({ connectionString: url });
  lock.on('error', () => {}); // a lost connection releases the lock; the run's own queries report errors
  await lock.connect();
  try {
    const { rows } = await lock.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1) AS locked', [
      key.toString(),
    ]);
    if (!rows[0]?.locked) return null;
    try {
      return await run();
    } finally {
      await lock.query('SELECT pg_advisory_unlock($1)', [key.toString()]).catch(() => {});
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

/**
 * Calls `run` every `intervalMs` ± 10% until stopped. Logs each run's report under `name` (a null report
 * means another instance had the lock); never throws.
 */
export function schedulePeriodic<T>(
  name: string,
  run: (signal: AbortSignal) => Promise<T | null>,
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
        if (report) log.info({ [name]: report }, `${name} job finished`);
        else log.debug(`${name} job skipped: another instance is running it`);
      })
      .catch((error: unknown) => log.error({ err: error }, `${name} job failed`))
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
