import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createTestDatabase, type TestDatabase } from '@/lib/db/test-database';
import { NotFound } from '@/lib/errors';

import { listActiveSessions, revokeOtherSessions, revokeSession } from './manage-sessions';
import { describeDevice, openSession, resolveSession, SESSION_IDLE_SECONDS } from './sessions';
import { createVerifiedUser, testAccounts, type TestAccounts } from './test-accounts';

let test: TestDatabase;
let accounts: TestAccounts;
const ids: Record<string, string> = {};

beforeAll(async () => {
  test = await createTestDatabase();
  accounts = testAccounts(test);
  ids.ann = (await createVerifiedUser(test, 'ann@example.com', 'ann has a long password')).id;
  ids.bob = (await createVerifiedUser(test, 'bob@example.com', 'bob has a long password')).id;
});
afterAll(() => test.drop());

const open = (userId: string, at = new Date()) =>
  openSession(test.db, { userId, factors: ['password'], deviceClass: 'desktop', country: 'FR' }, at).then((s) => s.id);

describe('sessions', () => {
  it('records device class and country only, never the IP or User-Agent', () => {
    expect(
      describeDevice({
        ip: '81.2.69.160',
        userAgent: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148',
      }),
    ).toEqual({ deviceClass: 'mobile', country: 'GB' });
    expect(describeDevice({ ip: null, userAgent: null })).toEqual({ deviceClass: null, country: null });
  });

  it('ends after 30 idle minutes and after 12 hours at most, whatever the activity', async () => {
    const start = new Date(Date.UTC(2026, 10, 23, 8));
    const sid = await open(ids.ann!, start);
    const claims = { sub: ids.ann, sid, ver: 0 };
    const minutes = (n: number) => new Date(start.getTime() + n * 60_000);
    expect(await resolveSession(test.db, claims, minutes(29))).not.toBeNull();
    // Activity moves the idle deadline…
    for (let m = 50; m <= 11 * 60 + 50; m += 20)
      expect(await resolveSession(test.db, claims, minutes(m))).not.toBeNull();
    // …but not the absolute one.
    expect(await resolveSession(test.db, claims, minutes(12 * 60 + 1))).toBeNull();
    const idle = await open(ids.ann!, start);
    expect(
      await resolveSession(
        test.db,
        { ...claims, sid: idle },
        new Date(start.getTime() + (SESSION_IDLE_SECONDS + 1) * 1000),
      ),
    ).toBeNull();
  });

  it('lists only live sessions of the user, and revokes one with an audit row; others’ ids are not found', async () => {
    const mine = await open(ids.ann!);
    const theirs = await open(ids.bob!);
    const listed = await listActiveSessions(accounts.ctx, ids.ann!);
    expect(listed.map((s) => s.id)).toContain(mine);
    expect(listed.map((s) => s.id)).not.toContain(theirs);
    expect(listed[0]).toMatchObject({ deviceClass: 'desktop', country: 'FR' });

    await expect(revokeSession(accounts.ctx, { id: ids.ann! }, theirs)).rejects.toBeInstanceOf(NotFound);
    expect(await resolveSession(test.db, { sub: ids.bob, sid: theirs, ver: 0 })).not.toBeNull();
    await revokeSession(accounts.ctx, { id: ids.ann! }, mine);
    expect(await resolveSession(test.db, { sub: ids.ann, sid: mine, ver: 0 })).toBeNull();
    await expect(revokeSession(accounts.ctx, { id: ids.ann! }, mine)).rejects.toBeInstanceOf(NotFound);
    expect(await test.db.auditLog.count({ where: { action: 'session.revoked', targetId: mine } })).toBe(1);
  });

  it('signs out every other browser at once', async () => {
    const here = await open(ids.ann!);
    const there = await open(ids.ann!);
    expect(await revokeOtherSessions(accounts.ctx, { id: ids.ann!, sessionId: here })).toBeGreaterThanOrEqual(1);
    expect(await resolveSession(test.db, { sub: ids.ann, sid: here, ver: 0 })).not.toBeNull();
    expect(await resolveSession(test.db, { sub: ids.ann, sid: there, ver: 0 })).toBeNull();
  });
});
