import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { createTestDatabase, type TestDatabase } from '@/lib/db/test-database';

import { SaltStore } from './salts';

let test: TestDatabase;
const days = async () =>
  (await test.db.dailySalt.findMany({ orderBy: { day: 'asc' } })).map((row) => row.day.toISOString().slice(0, 10));

beforeAll(async () => {
  test = await createTestDatabase();
});
afterAll(() => test.drop());
beforeEach(() => test.db.dailySalt.deleteMany());

describe('SaltStore', () => {
  it('creates one random 32-byte salt per UTC day, shared by concurrent callers and instances', async () => {
    const a = new SaltStore(test.db);
    const b = new SaltStore(test.db);
    const now = new Date('2026-11-20T12:00:00Z');
    const results = await Promise.all([a.saltsAt(now), a.saltsAt(now), b.saltsAt(now)]);
    expect(results[0]!.current.length).toBe(32);
    expect(results.every((r) => r.current.equals(results[0]!.current))).toBe(true);
    expect(results[0]!.previous).toBeNull();
    expect(await days()).toEqual(['2026-11-20']);
    const next = await a.saltsAt(new Date('2026-11-21T12:00:00Z'));
    expect(next.current.equals(results[0]!.current)).toBe(false);
  });

  it('keeps yesterday’s salt only during the 30 minutes after midnight, then deletes it everywhere', async () => {
    const store = new SaltStore(test.db);
    const yesterday = await store.saltsAt(new Date('2026-11-20T23:50:00Z'));
    const copy = Buffer.from(yesterday.current);

    const justAfter = await store.saltsAt(new Date('2026-11-21T00:10:00Z'));
    expect(justAfter.previous?.equals(copy)).toBe(true);
    expect(await days()).toEqual(['2026-11-20', '2026-11-21']);

    const later = await store.saltsAt(new Date('2026-11-21T00:31:00Z'));
    expect(later.previous).toBeNull();
    expect(await days()).toEqual(['2026-11-21']);
    expect(store.cachedDays()).toEqual(['2026-11-21']);
    // The old salt's memory was overwritten, not just dereferenced.
    expect(yesterday.current.equals(Buffer.alloc(32))).toBe(true);
  });

  it('deletes salts left by stopped instances when rotating', async () => {
    await test.db.dailySalt.createMany({
      data: ['2026-10-01', '2026-11-19', '2026-11-20'].map((day) => ({
        day: new Date(`${day}T00:00:00Z`),
        salt: new Uint8Array(32),
      })),
    });
    const deleted = await new SaltStore(test.db).rotate(new Date('2026-11-21T09:00:00Z'));
    expect(deleted).toBe(3);
    expect(await days()).toEqual([]);
  });
});
