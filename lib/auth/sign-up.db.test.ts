import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { createTestDatabase, type TestDatabase } from '@/lib/db/test-database';
import { Forbidden, Invalid } from '@/lib/errors';
import { resetAuthLimits } from '@/lib/ratelimit/auth-limits';
import { createTeam } from '@/lib/teams/create-team';

import { completeSignIn } from './login-challenge';
import { startPasswordSignIn } from './sign-in';
import { signUp } from './sign-up';
import { freshMeta, testAccounts, type TestAccounts } from './test-accounts';
import { checkSecondFactor } from './two-factor';
import { confirmEmail, sendVerificationEmail } from './verify-email';

let test: TestDatabase;
let accounts: TestAccounts;
const PASSWORD = 'violet kettle under the moon';

beforeAll(async () => {
  test = await createTestDatabase();
  accounts = testAccounts(test);
});
afterAll(() => test.drop());
beforeEach(() => resetAuthLimits());

describe('sign-up and email verification', () => {
  it('creates the user with a personal team, audit-logs it and emails a verification link', async () => {
    await signUp(accounts.ctx, { name: 'Ada', email: ' Ada@Example.com ', password: PASSWORD }, freshMeta());
    const user = await test.db.user.findUniqueOrThrow({
      where: { email: 'ada@example.com' },
      include: { memberships: { include: { team: true } } },
    });
    expect(user.emailVerifiedAt).toBeNull();
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
    expect(user.memberships).toMatchObject([{ role: 'OWNER', team: { name: "Ada's team" } }]);
    expect(await test.db.auditLog.count({ where: { actorId: user.id, action: 'user.sign_up' } })).toBe(1);
    // The personal team's creation is recorded exactly as a team made from the switcher (createTeam).
    const personal = user.memberships[0]!.teamId;
    const side = (await createTeam(test.db, { userId: user.id }, { name: 'Side project' })).id;
    const created = await test.db.auditLog.findMany({
      where: { action: 'team.create', actorId: user.id },
      select: { action: true, actorId: true, teamId: true, targetType: true, targetId: true, metadata: true },
      orderBy: { id: 'asc' },
    });
    const shape = (teamId: string) => ({
      action: 'team.create',
      actorId: user.id,
      teamId,
      targetType: 'team',
      targetId: teamId,
      metadata: null,
    });
    expect(created).toEqual([shape(personal), shape(side)]);
    const token = accounts.tokenSentTo('ada@example.com', /Confirm your email/);
    expect(token).toHaveLength(43);
    // Only the token's hash is stored.
    expect(JSON.stringify(await test.db.emailToken.findMany())).not.toContain(token);
  });

  it('answers a taken address exactly like a new one, and tells its owner instead', async () => {
    const before = await test.db.user.count();
    await expect(
      signUp(accounts.ctx, { email: 'ada@example.com', password: 'another long passphrase' }, freshMeta()),
    ).resolves.toBeUndefined();
    expect(await test.db.user.count()).toBe(before);
    expect(accounts.sent.at(-1)).toMatchObject({ to: 'ada@example.com', subject: /tried to sign up/ });
  });

  it('refuses short, common and email-like passwords, and malformed addresses, per field', async () => {
    const attempt = (email: string, password: string) => signUp(accounts.ctx, { email, password }, freshMeta());
    await expect(attempt('bob@example.com', 'short')).rejects.toMatchObject({
      fieldErrors: { password: expect.stringMatching(/at least 12/) },
    });
    await expect(attempt('bob@example.com', 'qwertyuiop123')).rejects.toMatchObject({
      fieldErrors: { password: expect.stringMatching(/most common/) },
    });
    await expect(attempt('not-an-email', PASSWORD)).rejects.toBeInstanceOf(Invalid);
    expect(await test.db.user.count({ where: { email: 'bob@example.com' } })).toBe(0);
  });

  it('does not let an unverified account sign in, and sends a new link instead', async () => {
    const sentBefore = accounts.sent.length;
    await expect(
      startPasswordSignIn(accounts.ctx, { email: 'ada@example.com', password: PASSWORD }, freshMeta()),
    ).rejects.toBeInstanceOf(Forbidden);
    expect(accounts.sent.length).toBe(sentBefore + 1);
  });

  it('confirms with the newest link exactly once; older, reused and expired links fail', async () => {
    const first = accounts.tokenSentTo('ada@example.com', /Confirm your email/);
    await sendVerificationEmail(accounts.ctx, 'ada@example.com', freshMeta());
    const newest = accounts.tokenSentTo('ada@example.com', /Confirm your email/);
    expect(newest).not.toBe(first);
    await expect(confirmEmail(accounts.ctx, first, freshMeta())).rejects.toBeInstanceOf(Invalid);
    await confirmEmail(accounts.ctx, newest, freshMeta());
    await expect(confirmEmail(accounts.ctx, newest, freshMeta())).rejects.toBeInstanceOf(Invalid);
    const user = await test.db.user.findUniqueOrThrow({ where: { email: 'ada@example.com' } });
    expect(user.emailVerifiedAt).not.toBeNull();
    expect(await test.db.auditLog.count({ where: { actorId: user.id, action: 'user.email_verified' } })).toBe(1);

    await test.db.user.create({ data: { email: 'late@example.com' } });
    await sendVerificationEmail(accounts.ctx, 'late@example.com', freshMeta());
    const late = accounts.tokenSentTo('late@example.com', /Confirm your email/);
    accounts.clock.now = new Date(Date.now() + 25 * 60 * 60 * 1000);
    await expect(confirmEmail(accounts.ctx, late, freshMeta())).rejects.toBeInstanceOf(Invalid);
    accounts.clock.now = new Date();
  });

  it('signs the verified user in through a single-use login challenge', async () => {
    const meta = freshMeta();
    const step = await startPasswordSignIn(accounts.ctx, { email: 'ADA@example.com', password: PASSWORD }, meta);
    expect(step.needsSecondFactor).toBe(false);
    const done = await completeSignIn(accounts.ctx, { challengeToken: step.challengeToken }, meta, checkSecondFactor);
    expect(done.factors).toEqual(['password']);
    await expect(
      completeSignIn(accounts.ctx, { challengeToken: step.challengeToken }, meta, checkSecondFactor),
    ).rejects.toThrow(/expired/);
    expect(await test.db.auditLog.count({ where: { actorId: done.userId, action: 'user.sign_in' } })).toBe(1);
  });

  it('sends nothing for unknown or already verified addresses, with the same answer', async () => {
    const sentBefore = accounts.sent.length;
    await expect(sendVerificationEmail(accounts.ctx, 'nobody@example.com', freshMeta())).resolves.toBeUndefined();
    await expect(sendVerificationEmail(accounts.ctx, 'ada@example.com', freshMeta())).resolves.toBeUndefined();
    expect(accounts.sent.length).toBe(sentBefore);
  });
});
