// Invitations against a real database: who may send them, single use, expiry, revocation, resend,
// acceptance by the invited address only, and a new account created from the link.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { createVerifiedUser, freshMeta, testAccounts, type TestAccounts } from '@/lib/auth/test-accounts';
import { verifyPassword } from '@/lib/auth/password';
import { createTestDatabase, type TestDatabase } from '@/lib/db/test-database';
import { Conflict, Forbidden, Invalid, NotFound } from '@/lib/errors';
import { resetAuthLimits } from '@/lib/ratelimit/auth-limits';

import { acceptInvitation, acceptInvitationWithNewAccount, describeInvitation } from './accept-invitation';
import { createTeam } from './create-team';
import { inviteMember, listInvitations, resendInvitation, revokeInvitation } from './invitations';
import { hashToken } from '@/lib/auth/email-tokens';

let test: TestDatabase;
let accounts: TestAccounts;
const u: Record<string, { id: string; email: string }> = {};
let teamId: string;
const SUBJECT = /invited to a team/;

beforeAll(async () => {
  test = await createTestDatabase();
  accounts = testAccounts(test);
  for (const name of ['owner', 'member', 'invitee', 'outsider']) {
    const email = `${name}@example.com`;
    u[name] = { id: (await createVerifiedUser(test, email, 'correct horse battery staple')).id, email };
  }
  teamId = (await createTeam(test.db, { userId: u.owner!.id }, { name: 'Acme <b>' })).id;
  await test.db.membership.create({ data: { teamId, userId: u.member!.id, role: 'MEMBER' } });
});
afterAll(() => test.drop());
beforeEach(async () => {
  resetAuthLimits();
  accounts.clock.now = new Date();
  await test.db.invitation.deleteMany({});
});

const owner = () => ({ userId: u.owner!.id });

describe('inviteMember', () => {
  it('emails a single-use link and stores only its hash, audit-logged without the address', async () => {
    const invitation = await inviteMember(accounts.ctx, owner(), teamId, {
      email: ' Invitee@Example.com ',
      role: 'ADMIN',
    });
    expect(invitation).toMatchObject({ email: 'invitee@example.com', role: 'ADMIN' });
    const token = accounts.tokenSentTo('invitee@example.com', SUBJECT);
    const mail = accounts.sent.at(-1)!;
    expect(mail.text).toContain('Acme <b>');
    expect(mail.html).toContain('Acme &lt;b&gt;');
    expect(mail.html).not.toContain('<b>');
    const row = await test.db.invitation.findUniqueOrThrow({ where: { id: invitation.id } });
    expect(row.tokenHash).toBe(hashToken(token));
    expect(JSON.stringify(row)).not.toContain(token);
    const entry = await test.db.auditLog.findFirstOrThrow({ where: { action: 'invitation.sent', teamId } });
    expect(entry).toMatchObject({ actorId: u.owner!.id, targetId: invitation.id });
    expect(JSON.stringify(entry.metadata)).not.toContain('invitee');
  });

  it('refuses members (403), outsiders (404), owner invitations, bad addresses, members and duplicates', async () => {
    const input = { email: 'new@example.com', role: 'MEMBER' };
    await expect(inviteMember(accounts.ctx, { userId: u.member!.id }, teamId, input)).rejects.toThrow(Forbidden);
    await expect(inviteMember(accounts.ctx, { userId: u.outsider!.id }, teamId, input)).rejects.toThrow(NotFound);
    await expect(inviteMember(accounts.ctx, owner(), teamId, { ...input, role: 'OWNER' })).rejects.toThrow(Invalid);
    await expect(inviteMember(accounts.ctx, owner(), teamId, { ...input, email: 'nope' })).rejects.toThrow(Invalid);
    await expect(
      inviteMember(accounts.ctx, owner(), teamId, { ...input, email: 'member@example.com' }),
    ).rejects.toThrow(Conflict);
    await inviteMember(accounts.ctx, owner(), teamId, input);
    await expect(inviteMember(accounts.ctx, owner(), teamId, input)).rejects.toThrow(Conflict);
    expect(await test.db.invitation.count()).toBe(1);
  });
});

describe('the plan’s member limit', () => {
  it('counts members and open invitations', async () => {
    const small = (await createTeam(test.db, { userId: u.owner!.id }, { name: 'Small' })).id;
    await test.db.subscription.create({ data: { teamId: small, plan: 'starter', status: 'active' } });
    // Starter allows one member: the owner.
    await expect(
      inviteMember(accounts.ctx, owner(), small, { email: 'one@example.com', role: 'MEMBER' }),
    ).rejects.toThrow(/Starter plan allows 1 member/);
    await test.db.subscription.update({ where: { teamId: small }, data: { plan: 'trial' } });
    for (const n of [1, 2, 3, 4]) {
      await inviteMember(accounts.ctx, owner(), small, { email: `n${n}@example.com`, role: 'MEMBER' });
    }
    await expect(
      inviteMember(accounts.ctx, owner(), small, { email: 'n5@example.com', role: 'MEMBER' }),
    ).rejects.toThrow(Conflict);
    expect(await test.db.invitation.count({ where: { teamId: small } })).toBe(4);
  });
});

describe('acceptInvitation', () => {
  it('adds the invited account with the invited role, once', async () => {
    await inviteMember(accounts.ctx, owner(), teamId, { email: 'invitee@example.com', role: 'ADMIN' });
    const token = accounts.tokenSentTo('invitee@example.com', SUBJECT);
    expect(await describeInvitation(test.db, token)).toEqual({
      email: 'invitee@example.com',
      role: 'ADMIN',
      teamName: 'Acme <b>',
      hasAccount: true,
    });
    // Someone else signed in cannot use it, and trying does not use it up.
    await expect(acceptInvitation(accounts.ctx, u.outsider!, token)).rejects.toThrow(Forbidden);
    expect(await acceptInvitation(accounts.ctx, u.invitee!, token)).toEqual({ teamId });
    const membership = await test.db.membership.findUniqueOrThrow({
      where: { teamId_userId: { teamId, userId: u.invitee!.id } },
    });
    expect(membership.role).toBe('ADMIN');
    expect(
      await test.db.auditLog.count({ where: { action: 'invitation.accepted', teamId, actorId: u.invitee!.id } }),
    ).toBe(1);
    // Used: gone.
    await expect(acceptInvitation(accounts.ctx, u.invitee!, token)).rejects.toThrow(NotFound);
    expect(await describeInvitation(test.db, token)).toBeNull();
    await test.db.membership.delete({ where: { teamId_userId: { teamId, userId: u.invitee!.id } } });
  });

  it('refuses an expired link', async () => {
    await inviteMember(accounts.ctx, owner(), teamId, { email: 'invitee@example.com', role: 'MEMBER' });
    const token = accounts.tokenSentTo('invitee@example.com', SUBJECT);
    accounts.clock.now = new Date(Date.now() + 7 * 24 * 3600 * 1000 + 1000);
    await expect(acceptInvitation(accounts.ctx, u.invitee!, token)).rejects.toThrow(NotFound);
    expect(await test.db.membership.count({ where: { teamId, userId: u.invitee!.id } })).toBe(0);
    // An expired invitation does not block a new one.
    await inviteMember(accounts.ctx, owner(), teamId, { email: 'invitee@example.com', role: 'MEMBER' });
    expect(await test.db.invitation.count()).toBe(1);
  });

  it('refuses a revoked link, and a link replaced by a resend', async () => {
    const first = await inviteMember(accounts.ctx, owner(), teamId, { email: 'invitee@example.com', role: 'MEMBER' });
    const oldToken = accounts.tokenSentTo('invitee@example.com', SUBJECT);
    await resendInvitation(accounts.ctx, owner(), teamId, first.id);
    const newToken = accounts.tokenSentTo('invitee@example.com', SUBJECT);
    expect(newToken).not.toBe(oldToken);
    await expect(acceptInvitation(accounts.ctx, u.invitee!, oldToken)).rejects.toThrow(NotFound);
    await revokeInvitation(accounts.ctx, owner(), teamId, first.id);
    await expect(acceptInvitation(accounts.ctx, u.invitee!, newToken)).rejects.toThrow(NotFound);
    expect(await test.db.membership.count({ where: { teamId, userId: u.invitee!.id } })).toBe(0);
    expect(
      await test.db.auditLog.count({ where: { teamId, action: { in: ['invitation.resent', 'invitation.revoked'] } } }),
    ).toBe(2);
  });

  it('keeps invitations of one team out of reach of another', async () => {
    const invitation = await inviteMember(accounts.ctx, owner(), teamId, { email: 'x@example.com', role: 'MEMBER' });
    const elsewhere = (await createTeam(test.db, { userId: u.outsider!.id }, { name: 'Elsewhere' })).id;
    await expect(revokeInvitation(accounts.ctx, { userId: u.outsider!.id }, elsewhere, invitation.id)).rejects.toThrow(
      NotFound,
    );
    await expect(resendInvitation(accounts.ctx, { userId: u.outsider!.id }, teamId, invitation.id)).rejects.toThrow(
      NotFound,
    );
    await expect(revokeInvitation(accounts.ctx, { userId: u.member!.id }, teamId, invitation.id)).rejects.toThrow(
      Forbidden,
    );
    await expect(listInvitations(accounts.ctx, { userId: u.member!.id }, teamId)).rejects.toThrow(Forbidden);
    expect((await listInvitations(accounts.ctx, owner(), teamId)).map((i) => i.email)).toEqual(['x@example.com']);
  });
});

describe('acceptInvitationWithNewAccount', () => {
  it('creates the invited address’s account, confirmed, in the team, and only once', async () => {
    await inviteMember(accounts.ctx, owner(), teamId, { email: 'fresh@example.com', role: 'MEMBER' });
    const token = accounts.tokenSentTo('fresh@example.com', SUBJECT);
    expect((await describeInvitation(test.db, token))?.hasAccount).toBe(false);
    await expect(
      acceptInvitationWithNewAccount(accounts.ctx, token, { password: 'short' }, freshMeta()),
    ).rejects.toThrow(Invalid);
    const result = await acceptInvitationWithNewAccount(
      accounts.ctx,
      token,
      { name: 'Fresh', password: 'violet kettle under the stairs' },
      freshMeta(),
    );
    expect(result).toEqual({ teamId, email: 'fresh@example.com' });
    const user = await test.db.user.findUniqueOrThrow({
      where: { email: 'fresh@example.com' },
      include: { memberships: true },
    });
    expect(user.emailVerifiedAt).not.toBeNull();
    expect(await verifyPassword(user.passwordHash!, 'violet kettle under the stairs')).toBe(true);
    expect(user.memberships.map((m) => [m.teamId, m.role])).toEqual([[teamId, 'MEMBER']]);
    await expect(
      acceptInvitationWithNewAccount(accounts.ctx, token, { password: 'violet kettle under the stairs' }, freshMeta()),
    ).rejects.toThrow(NotFound);
  });

  it('refuses to create an account for an address that has one', async () => {
    await inviteMember(accounts.ctx, owner(), teamId, { email: 'invitee@example.com', role: 'MEMBER' });
    const token = accounts.tokenSentTo('invitee@example.com', SUBJECT);
    await expect(
      acceptInvitationWithNewAccount(accounts.ctx, token, { password: 'violet kettle under the stairs' }, freshMeta()),
    ).rejects.toThrow(Conflict);
    expect(await describeInvitation(test.db, token)).not.toBeNull();
  });
});
