import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { createTestDatabase, type TestDatabase } from '@/lib/db/test-database';
import { Invalid, RateLimited, Unauthorized } from '@/lib/errors';
import { resetAuthLimits } from '@/lib/ratelimit/auth-limits';

import { confirmEmailChange, requestEmailChange } from './change-email';
import { changePassword } from './change-password';
import { verifyPassword } from './password';
import { isResetLinkLive, requestPasswordReset, resetPassword } from './reset-password';
import { openSession, resolveSession } from './sessions';
import { startPasswordSignIn } from './sign-in';
import { createVerifiedUser, freshMeta, testAccounts, type TestAccounts } from './test-accounts';

let test: TestDatabase;
let accounts: TestAccounts;
let userId: string;
const PASSWORD = 'first rainy tuesday in june';
const device = { deviceClass: 'desktop', country: 'DE' };

beforeAll(async () => {
  test = await createTestDatabase();
  accounts = testAccounts(test);
  userId = (await createVerifiedUser(test, 'lin@example.com', PASSWORD)).id;
});
afterAll(() => test.drop());
beforeEach(() => resetAuthLimits());

async function openTwoSessions() {
  const a = await openSession(test.db, { userId, factors: ['password'], ...device });
  const b = await openSession(test.db, { userId, factors: ['password'], ...device });
  const { sessionVersion } = await test.db.user.findUniqueOrThrow({ where: { id: userId } });
  return { a: a.id, b: b.id, version: sessionVersion };
}

describe('password reset', () => {
  it('answers any address the same and emails a link only to an existing account', async () => {
    const sent = accounts.sent.length;
    await (
      await requestPasswordReset(accounts.ctx, 'nobody@example.com', freshMeta())
    ).delivery;
    expect(accounts.sent.length).toBe(sent);
    await (
      await requestPasswordReset(accounts.ctx, 'LIN@example.com', freshMeta())
    ).delivery;
    expect(accounts.sent.length).toBe(sent + 1);
    expect(await isResetLinkLive(accounts.ctx, accounts.tokenSentTo('lin@example.com', /Reset/))).toBe(true);
  });

  it('limits requests per address, whoever asks', async () => {
    for (let i = 0; i < 3; i++) await requestPasswordReset(accounts.ctx, 'limit@example.com', freshMeta());
    await expect(requestPasswordReset(accounts.ctx, 'limit@example.com', freshMeta())).rejects.toBeInstanceOf(
      RateLimited,
    );
  });

  it('sets the new password once per link, keeps the link after a refused password, and ends every session', async () => {
    const token = accounts.tokenSentTo('lin@example.com', /Reset/);
    const sessions = await openTwoSessions();
    await expect(resetPassword(accounts.ctx, { token, password: 'password1234' }, freshMeta())).rejects.toMatchObject({
      fieldErrors: { password: expect.stringMatching(/common/) },
    });
    await resetPassword(accounts.ctx, { token, password: 'second rainy tuesday in june' }, freshMeta());
    await expect(
      resetPassword(accounts.ctx, { token, password: 'third rainy tuesday in june' }, freshMeta()),
    ).rejects.toBeInstanceOf(Invalid);

    const user = await test.db.user.findUniqueOrThrow({ where: { id: userId } });
    expect(await verifyPassword(user.passwordHash!, 'second rainy tuesday in june')).toBe(true);
    expect(user.sessionVersion).toBe(sessions.version + 1);
    for (const sid of [sessions.a, sessions.b]) {
      expect(await resolveSession(test.db, { sub: userId, sid, ver: user.sessionVersion })).toBeNull();
    }
    expect(accounts.sent.at(-1)).toMatchObject({ to: 'lin@example.com', subject: /password was reset/ });
    expect(await test.db.auditLog.count({ where: { actorId: userId, action: 'user.password_reset' } })).toBe(1);
  });

  it('refuses an expired link', async () => {
    await (
      await requestPasswordReset(accounts.ctx, 'lin@example.com', freshMeta())
    ).delivery;
    const token = accounts.tokenSentTo('lin@example.com', /Reset/);
    accounts.clock.now = new Date(Date.now() + 61 * 60 * 1000);
    await expect(
      resetPassword(accounts.ctx, { token, password: 'fourth rainy tuesday in june' }, freshMeta()),
    ).rejects.toBeInstanceOf(Invalid);
    accounts.clock.now = new Date();
  });
});

describe('change of password', () => {
  it('needs the current password, then rotates this session and ends the others', async () => {
    const sessions = await openTwoSessions();
    const actor = { id: userId, email: 'lin@example.com', sessionId: sessions.a };
    await expect(
      changePassword(accounts.ctx, actor, { currentPassword: 'wrong', newPassword: 'fifth rainy tuesday in june' }),
    ).rejects.toBeInstanceOf(Unauthorized);
    const rotated = await changePassword(accounts.ctx, actor, {
      currentPassword: 'second rainy tuesday in june',
      newPassword: 'fifth rainy tuesday in june',
    });
    expect(rotated.sessionId).not.toBe(sessions.a);
    expect(rotated.version).toBe(sessions.version + 1);
    expect(await resolveSession(test.db, { sub: userId, sid: rotated.sessionId, ver: rotated.version })).toMatchObject({
      id: userId,
    });
    for (const sid of [sessions.a, sessions.b]) {
      expect(await resolveSession(test.db, { sub: userId, sid, ver: rotated.version })).toBeNull();
    }
    expect(await test.db.userSession.findUniqueOrThrow({ where: { id: rotated.sessionId } })).toMatchObject(device);
    await expect(
      startPasswordSignIn(
        accounts.ctx,
        { email: 'lin@example.com', password: 'fifth rainy tuesday in june' },
        freshMeta(),
      ),
    ).resolves.toMatchObject({ needsSecondFactor: false });
  });
});

describe('change of email', () => {
  it('changes the address only through the link sent to the new one, telling the old one', async () => {
    const actor = { id: userId, email: 'lin@example.com' };
    const input = { newEmail: 'Lin.New@example.com', currentPassword: 'fifth rainy tuesday in june' };
    await expect(
      requestEmailChange(accounts.ctx, actor, { ...input, currentPassword: 'nope' }, freshMeta()),
    ).rejects.toBeInstanceOf(Unauthorized);
    await requestEmailChange(accounts.ctx, actor, input, freshMeta());
    expect(accounts.sent.at(-1)).toMatchObject({ to: 'lin@example.com', subject: /Security notice/ });
    const token = accounts.tokenSentTo('lin.new@example.com', /Confirm your new email/);
    expect((await test.db.user.findUniqueOrThrow({ where: { id: userId } })).email).toBe('lin@example.com');
    await confirmEmailChange(accounts.ctx, token, freshMeta());
    expect((await test.db.user.findUniqueOrThrow({ where: { id: userId } })).email).toBe('lin.new@example.com');
    await expect(confirmEmailChange(accounts.ctx, token, freshMeta())).rejects.toBeInstanceOf(Invalid);
    expect(await test.db.auditLog.count({ where: { actorId: userId, action: 'user.email_changed' } })).toBe(1);
  });

  it('answers a taken address the same, sending it nothing', async () => {
    await createVerifiedUser(test, 'taken@example.com', 'some other long password');
    const sent = accounts.sent.length;
    await requestEmailChange(
      accounts.ctx,
      { id: userId, email: 'lin.new@example.com' },
      { newEmail: 'taken@example.com', currentPassword: 'fifth rainy tuesday in june' },
      freshMeta(),
    );
    expect(accounts.sent.length).toBe(sent);
  });
});
