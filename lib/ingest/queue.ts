// Group commit: hits wait a few milliseconds to share one transaction, and each caller is answered
// only once its row is committed. The queue is bounded; when it is full, callers are told to retry.
import type { EnrichedHit } from './enriched-hit';

export class QueueFullError extends Error {
  constructor() {
    super('ingest queue is full');
    this.name = 'QueueFullError';
  }
}

export class QueueClosedError extends Error {
  constructor() {
    super('ingest queue is shutting down');
    this.name = 'QueueClosedError';
  }
}

interface Entry {
  hit: EnrichedHit;
  resolve: () => void;
  reject: (error: unknown) => void;
}

export interface QueueOptions {
  maxPending: number;
  batchMax: number;
  flushMs: number;
  /** Batches committing at once (safe: writers lock per visitor, in sorted order). */
  concurrency?: number;
}

export class IngestQueue {
  private pending: Entry[] = [];
  private timer: NodeJS.Timeout | null = null;
  private readonly workers = new Set<Promise<void>>();
  private accepting = true;
  /** Rows committed since start, for benchmarks and health. */
  committed = 0;

  constructor(
    private readonly write: (hits: EnrichedHit[]) => Promise<void>,
    private readonly options: QueueOptions,
  ) {}

  get size(): number {
    return this.pending.length;
  }

  /** Resolves when the hit's row is committed; rejects if it could not be. */
  enqueue(hit: EnrichedHit): Promise<void> {
    if (!this.accepting) return Promise.reject(new QueueClosedError());
    if (this.pending.length >= this.options.maxPending) return Promise.reject(new QueueFullError());
    return new Promise<void>((resolve, reject) => {
      this.pending.push({ hit, resolve, reject });
      this.schedule();
    });
  }

  /** Stops accepting hits and waits until every queued one is committed or has failed. */
  async drain(): Promise<void> {
    this.accepting = false;
    while (this.pending.length > 0 || this.workers.size > 0) await this.run();
  }

  private get concurrency() {
    return this.options.concurrency ?? 1;
  }

  private schedule() {
    if (this.workers.size >= this.concurrency) return; // a running worker will pick the entry up
    if (this.pending.length >= this.options.batchMax || this.options.flushMs === 0) {
      void this.run();
    } else {
      this.timer ??= setTimeout(() => void this.run(), this.options.flushMs);
    }
  }

  private run(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    while (this.workers.size < this.concurrency && this.pending.length > 0) {
      // While a batch commits, the next one fills up: that is the group commit.
      const worker: Promise<void> = (async () => {
        while (this.pending.length > 0) await this.commit(this.pending.splice(0, this.options.batchMax));
      })().finally(() => this.workers.delete(worker));
      this.workers.add(worker);
    }
    return Promise.all(this.workers).then(() => undefined);
  }

  private async commit(batch: Entry[]): Promise<void> {
    try {
      await this.write(batch.map((entry) => entry.hit));
      this.committed += batch.length;
      for (const entry of batch) entry.resolve();
    } catch (error) {
      if (batch.length === 1) {
        batch[0]!.reject(error);
        return;
      }
      // One bad row must not fail its neighbours: retry each on its own.
      for (const entry of batch) await this.commit([entry]);
    }
  }
}
