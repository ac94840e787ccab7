import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import type { RetentionReport } from './run-retention';
import { scheduleRetention } from './schedule';

const REPORT: RetentionReport = {
  rollupDays: 0,
  events: 0,
  visits: 0,
  salts: 0,
  sessions: 0,
  apiTokens: 0,
  challenges: 0,
  auditEntries: 0,
  stopped: false,
};

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('scheduleRetention', () => {
  it('first runs 1–6 minutes after start, then every interval ± 10%, and survives a failing run', async () => {
    const run = vi.fn<(signal: AbortSignal) => Promise<RetentionReport | null>>();
    run.mockRejectedValueOnce(new Error('database unreachable')).mockResolvedValue(REPORT);
    const schedule = scheduleRetention(run, { intervalMs: 3_600_000, random: () => 1 });

    await vi.advanceTimersByTimeAsync(360_000 - 1);
    expect(run).toHaveBeenCalledTimes(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(run).toHaveBeenCalledTimes(1); // it failed; the next one is still scheduled
    await vi.advanceTimersByTimeAsync(3_960_000); // one hour + 10% (random() = 1)
    expect(run).toHaveBeenCalledTimes(2);
    await schedule.stop();
    await vi.advanceTimersByTimeAsync(10 * 3_960_000);
    expect(run).toHaveBeenCalledTimes(2);
  });

  it('on stop, aborts the running job and waits for it to finish', async () => {
    let finish = () => {};
    let seen: AbortSignal | undefined;
    const run = (signal: AbortSignal) => {
      seen = signal;
      return new Promise<RetentionReport>((resolve) => (finish = () => resolve({ ...REPORT, stopped: true })));
    };
    const schedule = scheduleRetention(run, { intervalMs: 60_000, firstDelayMs: 0 });
    await vi.advanceTimersByTimeAsync(0);
    expect(seen?.aborted).toBe(false);

    let stopped = false;
    const stopping = schedule.stop().then(() => (stopped = true));
    await vi.advanceTimersByTimeAsync(0);
    expect(seen?.aborted).toBe(true);
    expect(stopped).toBe(false);
    finish();
    await stopping;
    expect(stopped).toBe(true);
  });
});
