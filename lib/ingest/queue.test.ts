import { describe, expect, it } from 'vitest';

import type { EnrichedHit } from './enriched-hit';
import { IngestQueue, QueueClosedError, QueueFullError } from './queue';

const hit = (name: string) => ({ name }) as EnrichedHit;

describe('IngestQueue', () => {
  it('groups concurrent hits into batches and answers each after its batch is written', async () => {
    const batches: string[][] = [];
    const queue = new IngestQueue(
      async (hits) => {
        batches.push(hits.map((h) => h.name));
        await new Promise((resolve) => setTimeout(resolve, 5));
      },
      { maxPending: 100, batchMax: 10, flushMs: 2 },
    );
    await Promise.all(Array.from({ length: 25 }, (_, i) => queue.enqueue(hit(`e${i}`))));
    expect(batches.flat()).toEqual(Array.from({ length: 25 }, (_, i) => `e${i}`));
    expect(batches.length).toBeLessThanOrEqual(4);
    expect(Math.max(...batches.map((b) => b.length))).toBeLessThanOrEqual(10);
    expect(queue.committed).toBe(25);
  });

  it('commits up to `concurrency` batches at once, never more', async () => {
    let inFlight = 0;
    let most = 0;
    const queue = new IngestQueue(
      async () => {
        inFlight += 1;
        most = Math.max(most, inFlight);
        await new Promise((resolve) => setTimeout(resolve, 10));
        inFlight -= 1;
      },
      { maxPending: 100, batchMax: 2, flushMs: 0, concurrency: 2 },
    );
    await Promise.all(Array.from({ length: 12 }, (_, i) => queue.enqueue(hit(`c${i}`))));
    expect(most).toBe(2);
    expect(queue.committed).toBe(12);
  });

  it('isolates a bad row: its neighbours are committed, only it is rejected', async () => {
    const committed: string[] = [];
    const queue = new IngestQueue(
      async (hits) => {
        if (hits.some((h) => h.name === 'bad')) throw new Error('row rejected by the database');
        committed.push(...hits.map((h) => h.name));
      },
      { maxPending: 100, batchMax: 10, flushMs: 5 },
    );
    const results = await Promise.allSettled(['a', 'bad', 'c'].map((name) => queue.enqueue(hit(name))));
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(committed.sort()).toEqual(['a', 'c']);
  });

  it('refuses hits beyond its bound instead of growing', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const queue = new IngestQueue(() => gate, { maxPending: 2, batchMax: 1, flushMs: 0 });
    const first = queue.enqueue(hit('1')); // taken by the writer
    const queued = [queue.enqueue(hit('2')), queue.enqueue(hit('3'))];
    await expect(queue.enqueue(hit('4'))).rejects.toBeInstanceOf(QueueFullError);
    release();
    await Promise.all([first, ...queued]);
  });

  it('drains on shutdown: queued hits are committed, new ones refused', async () => {
    const written: string[] = [];
    const queue = new IngestQueue(async (hits) => void written.push(...hits.map((h) => h.name)), {
      maxPending: 10,
      batchMax: 5,
      flushMs: 1_000,
    });
    const pending = [queue.enqueue(hit('x')), queue.enqueue(hit('y'))];
    await queue.drain();
    await Promise.all(pending);
    expect(written).toEqual(['x', 'y']);
    await expect(queue.enqueue(hit('z'))).rejects.toBeInstanceOf(QueueClosedError);
  });
});
