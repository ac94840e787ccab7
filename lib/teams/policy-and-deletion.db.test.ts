// The two-factor policy (team-wide and for owners of paid plans), the audit-log viewer's access and
// filters, and team and account deletion: confirmation, re-authentication, the last-owner rule,
// and that nothing of a deleted team or account is left in any table (audit entries hold ids only).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { deleteAccount } from '@/lib/auth/delete-account';
import { createVerifiedUser, testAccounts, type TestAccounts } from '@/lib/auth/test-accounts';
import { listAuditEntries, parseAuditFilter } from '@/lib/audit/list-audit';
import { createTestDatabase, type TestDatabase } from '@/lib/db/test-database';
import { Conflict, Forbidden, Invalid, NotFound, TwoFactorRequired, Unauthorized } from '@/lib/errors';
import { testHit } from '@/lib/ingest/test-hit';
import { writeHits } from '@/lib/ingest/write-hits';
import { resetAuthLimits } from '@/lib/ratelimit/auth-limits';
import { findSiteForUser, listSitesForTeam } from '@/lib/sites/access';

import { createTeam } from './create-team';
import { deleteTeam } from './delete-team';
import { inviteMember } from './invitations';
import { requirePermission } from './permissions';
import { setTwoFactorPolicy } from './team-policy';

const PASSWORD = 'correct horse battery staple';
let test: TestDatabase;
let accounts: TestAccounts;

beforeAll(async () => {
  test = await createTestDatabase();
  accounts = testAccounts(test);
});
afterAll(() => test.drop());
beforeEach(() => resetAuthLimits());

let n = 0;
async function user(label: string, twoFactor = false) {
  const email = `${label}-${++n}@example.com`;
  const { id } = await createVerifiedUser(test, email, PASSWORD);
  if (twoFactor) await test.db.user.update({ where: { id }, data: { totpEnabledAt: new Date() } });
  return { id, email };
}

async function teamWith(owner: { id: string }, members: { id: string; role: 'ADMIN' | 'MEMBER' }[] = []) {
  const team = await createTeam(test.db, { userId: owner.id }, { name: `Team ${++n}` });
  for (const member of members) {
    await test.db.membership.create({ data: { teamId: team.id, userId: member.id, role: member.role } });
  }
  return team;
}

async function siteWithTraffic(teamId: string) {
  const site = await test.db.site.create({ data: { teamId, domain: `site-${++n}.example.com` } });
  await test.db.goal.create({ data: { siteId: site.id, kind: 'EVENT', eventName: 'Signup', displayName: 'Signups' } });
  await writeHits(test.pool, [
    testHit(site.id, 1n, new Date(), '/'),
    testHit(site.id, 1n, new Date(), '/pricing', { name: 'Signup', props: { plan: 'pro' } }),
  ]);
  return site;
}

describe('two-factor policy', () => {
  it('blocks members without 2FA from the team’s data until they turn it on, and says why', async () => {
    const owner = await user('owner', true);
    const member = await user('member');
    const team = await teamWith(owner, [{ id: member.id, role: 'MEMBER' }]);
    const site = await siteWithTraffic(team.id);
    expect(await findSiteForUser(test.db, member.id, site.id)).not.toBeNull();

    await expect(setTwoFactorPolicy(test.db, { userId: member.id }, team.id, true)).rejects.toThrow(Forbidden);
    await setTwoFactorPolicy(test.db, { userId: owner.id }, team.id, true);
    expect(await test.db.auditLog.count({ where: { teamId: team.id, action: 'team.policy_changed' } })).toBe(1);

    const blocked = findSiteForUser(test.db, member.id, site.id);
    await expect(blocked).rejects.toThrow(TwoFactorRequired);
    await expect(blocked).rejects.toThrow(/requires two-factor authentication/);
    await expect(listSitesForTeam(test.db, { userId: member.id }, team.id)).rejects.toThrow(TwoFactorRequired);
    await expect(requirePermission(test.db, member.id, team.id, 'stats:export')).rejects.toHaveProperty('status', 403);
    expect(await findSiteForUser(test.db, owner.id, site.id)).not.toBeNull();

    // A passkey counts as two factors.
    await test.db.passkey.create({
      data: {
        userId: member.id,
        credentialId: `c-${n}`,
        publicKey: new Uint8Array(8),
        deviceType: 'singleDevice',
        name: 'Key',
      },
    });
    expect(await findSiteForUser(test.db, member.id, site.id)).not.toBeNull();
  });

  it('refuses to let an owner without 2FA turn the policy on (they would lock themselves out)', async () => {
    const owner = await user('owner');
    const team = await teamWith(owner);
    await expect(setTwoFactorPolicy(test.db, { userId: owner.id }, team.id, true)).rejects.toThrow(Conflict);
    expect((await test.db.team.findUniqueOrThrow({ where: { id: team.id } })).requireTwoFactor).toBe(false);
  });

  it('asks owners of paid teams above the entry plan for 2FA, and nobody else', async () => {
    const owner = await user('owner');
    const member = await user('member');
    const team = await teamWith(owner, [{ id: member.id, role: 'MEMBER' }]);
    await test.db.subscription.create({ data: { teamId: team.id, plan: 'starter', status: 'active' } });
    await expect(requirePermission(test.db, owner.id, team.id, 'stats:read')).resolves.toBe('OWNER');
    await test.db.subscription.update({ where: { teamId: team.id }, data: { plan: 'growth' } });
    await expect(requirePermission(test.db, owner.id, team.id, 'stats:read')).rejects.toThrow(TwoFactorRequired);
    await expect(requirePermission(test.db, member.id, team.id, 'stats:read')).resolves.toBe('MEMBER');
  });
});

describe('audit-log viewer', () => {
  it('shows owners and admins their team’s entries with labels and filters; members get 403, others 404', async () => {
    const owner = await user('owner', true);
    const admin = await user('admin');
    const member = await user('member');
    const outsider = await user('outsider');
    const team = await teamWith(owner, [
      { id: admin.id, role: 'ADMIN' },
      { id: member.id, role: 'MEMBER' },
    ]);
    await teamWith(outsider);
    await inviteMember(accounts.ctx, { userId: admin.id }, team.id, { email: 'new@example.com', role: 'MEMBER' });
    await setTwoFactorPolicy(test.db, { userId: owner.id }, team.id, true);
    await setTwoFactorPolicy(test.db, { userId: owner.id }, team.id, false);

    const all = await listAuditEntries(test.db, { userId: admin.id }, team.id, parseAuditFilter({}));
    expect(all.entries.map((e) => e.label)).toEqual([
      'Security policy changed',
      'Security policy changed',
      'Invitation sent',
      'Team created',
    ]);
    expect(all.entries[0]).toMatchObject({ actor: owner.email, details: 'require two factor: no' });
    expect(all.actors.map((a) => a.email).sort()).toEqual([admin.email, owner.email].sort());

    const byAdmin = await listAuditEntries(
      test.db,
      { userId: owner.id },
      team.id,
      parseAuditFilter({ actor: admin.id }),
    );
    expect(byAdmin.entries.map((e) => e.label)).toEqual(['Invitation sent']);
    const byAction = await listAuditEntries(
      test.db,
      { userId: owner.id },
      team.id,
      parseAuditFilter({ action: 'team.policy_changed' }),
    );
    expect(byAction.total).toBe(2);
    const today = new Date().toISOString().slice(0, 10);
    const dated = await listAuditEntries(
      test.db,
      { userId: owner.id },
      team.id,
      parseAuditFilter({ from: today, to: today }),
    );
    expect(dated.total).toBe(4);
    const past = await listAuditEntries(
      test.db,
      { userId: owner.id },
      team.id,
      parseAuditFilter({ from: '2020-01-01', to: '2020-01-31' }),
    );
    expect(past.total).toBe(0);
    expect(() => parseAuditFilter({ action: 'drop table' })).toThrow(Invalid);
    expect(() => parseAuditFilter({ from: '2026-12-01', to: '2026-11-01' })).toThrow(Invalid);

    await expect(listAuditEntries(test.db, { userId: member.id }, team.id, parseAuditFilter({}))).rejects.toThrow(
      Forbidden,
    );
    await expect(listAuditEntries(test.db, { userId: outsider.id }, team.id, parseAuditFilter({}))).rejects.toThrow(
      NotFound,
    );
  });

  it('pages through long logs', async () => {
    const owner = await user('owner');
    const team = await teamWith(owner);
    await test.db.auditLog.createMany({
      data: Array.from({ length: 30 }, () => ({ teamId: team.id, actorId: owner.id, action: 'site.create' })),
    });
    const first = await listAuditEntries(test.db, { userId: owner.id }, team.id, parseAuditFilter({}));
    const second = await listAuditEntries(test.db, { userId: owner.id }, team.id, parseAuditFilter({ page: '2' }));
    expect([first.total, first.pages, first.entries.length, second.entries.length]).toEqual([31, 2, 25, 6]);
    expect(second.entries.at(-1)?.label).toBe('Team created');
  });
});

/** Every row of every table that mentions any of `needles` (ids, emails, domains), by table. */
async function rowsMentioning(needles: string[]) {
  const { rows: tables } = await test.pool.query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'`,
  );
  const found: Record<string, number> = {};
  for (const { table_name: table } of tables) {
    const { rows } = await test.pool.query<{ count: string }>(
      `SELECT count(*) FROM "${table}" t WHERE ${needles.map((_, i) => `strpos(t::text, $${i + 1}) > 0`).join(' OR ')}`,
      needles,
    );
    if (Number(rows[0]!.count) > 0) found[table] = Number(rows[0]!.count);
  }
  return found;
}

describe('deleteTeam', () => {
  it('needs the owner, the exact name and the password, then leaves nothing of the team but audit ids', async () => {
    const owner = await user('owner');
    const admin = await user('admin');
    const team = await teamWith(owner, [{ id: admin.id, role: 'ADMIN' }]);
    const site = await siteWithTraffic(team.id);
    await inviteMember(accounts.ctx, { userId: owner.id }, team.id, { email: 'pending@example.com', role: 'MEMBER' });
    await test.db.apiToken.create({
      data: { teamId: team.id, name: 'CI', tokenHash: `h-${n}`, prefix: 'glc_', scopes: ['stats:read'] },
    });
    await test.db.subscription.create({ data: { teamId: team.id } });

    const confirm = { confirmation: team.name, password: PASSWORD };
    // Billing's hook (cancel the Stripe subscription) runs only once the deletion is sure to happen.
    const cancelled: string[] = [];
    const hooks = { beforeTeamPurge: async (id: string) => cancelled.push(id) };
    await expect(deleteTeam(accounts.ctx, { userId: admin.id }, team.id, confirm, hooks)).rejects.toThrow(Forbidden);
    await expect(deleteTeam(accounts.ctx, { userId: (await user('x')).id }, team.id, confirm, hooks)).rejects.toThrow(
      NotFound,
    );
    await expect(
      deleteTeam(accounts.ctx, { userId: owner.id }, team.id, { ...confirm, confirmation: 'Team' }, hooks),
    ).rejects.toThrow(Invalid);
    await expect(
      deleteTeam(accounts.ctx, { userId: owner.id }, team.id, { ...confirm, password: 'wrong' }, hooks),
    ).rejects.toThrow(Unauthorized);
    expect(await test.db.event.count({ where: { siteId: site.id } })).toBe(2);
    expect(cancelled).toEqual([]);

    await deleteTeam(accounts.ctx, { userId: owner.id }, team.id, confirm, hooks);
    expect(cancelled).toEqual([team.id]);
    // Only the audit entries (team created, invitation sent, team deleted) still name the team, by id.
    expect(await rowsMentioning([team.id, site.id, site.domain, 'pending@example.com'])).toEqual({ AuditLog: 3 });
    const audit = await test.db.auditLog.findMany({
      where: { teamId: team.id },
      select: { action: true, metadata: true },
    });
    expect(audit.map((a) => a.action).sort()).toEqual(['invitation.sent', 'team.create', 'team.delete']);
    // Visits and events of the site are gone too (their rows hold the site id, checked above).
    expect(await test.db.visit.count({ where: { siteId: site.id } })).toBe(0);
    // The members keep their accounts.
    expect(await test.db.user.count({ where: { id: { in: [owner.id, admin.id] } } })).toBe(2);
  });
});

describe('deleteAccount', () => {
  it('refuses the sole owner of a team others use, until ownership is handed over', async () => {
    const owner = await user('owner');
    const member = await user('member');
    const shared = await teamWith(owner, [{ id: member.id, role: 'MEMBER' }]);
    const own = await teamWith(owner, []);
    const input = { confirmation: owner.email, password: PASSWORD };
    // Billing's hook runs for the teams that go with the account, and only when the deletion goes ahead.
    const cancelled: string[] = [];
    const hooks = { beforeTeamPurge: async (id: string) => cancelled.push(id) };
    await expect(deleteAccount(accounts.ctx, owner, input, hooks)).rejects.toThrow(Conflict);
    await expect(deleteAccount(accounts.ctx, owner, input, hooks)).rejects.toThrow(shared.name);
    expect(await test.db.user.count({ where: { id: owner.id } })).toBe(1);
    expect(cancelled).toEqual([]);
    await test.db.membership.update({
      where: { teamId_userId: { teamId: shared.id, userId: member.id } },
      data: { role: 'OWNER' },
    });
    await deleteAccount(accounts.ctx, owner, input, hooks);
    expect(await test.db.team.count({ where: { id: shared.id } })).toBe(1);
    expect(cancelled).toEqual([own.id]);
    expect(await test.db.team.count({ where: { id: own.id } })).toBe(0);
  });

  it('needs the email typed back and the password', async () => {
    const someone = await user('someone');
    await expect(
      deleteAccount(accounts.ctx, someone, { confirmation: 'other@example.com', password: PASSWORD }),
    ).rejects.toThrow(Invalid);
    await expect(
      deleteAccount(accounts.ctx, someone, { confirmation: someone.email, password: 'nope' }),
    ).rejects.toThrow(Unauthorized);
    expect(await test.db.user.count({ where: { id: someone.id } })).toBe(1);
  });

  it('deletes the account and its own teams with their sites and events: nothing left but audit ids', async () => {
    const me = await user('leaver', true);
    const colleague = await user('colleague');
    const mine = await teamWith(me);
    const site = await siteWithTraffic(mine.id);
    const theirs = await teamWith(colleague, [{ id: me.id, role: 'ADMIN' }]);
    await inviteMember(accounts.ctx, { userId: me.id }, theirs.id, { email: 'friend@example.com', role: 'MEMBER' });
    await inviteMember(accounts.ctx, { userId: colleague.id }, (await teamWith(colleague)).id, {
      email: me.email,
      role: 'MEMBER',
    });
    await test.db.userSession.create({ data: { userId: me.id, expiresAt: new Date(Date.now() + 3600_000) } });
    await test.db.recoveryCode.create({ data: { userId: me.id, codeHash: `r-${n}` } });
    await test.db.emailToken.create({
      data: { userId: me.id, purpose: 'VERIFY_EMAIL', tokenHash: `e-${n}`, expiresAt: new Date(Date.now() + 3600_000) },
    });
    await test.db.apiToken.create({
      data: { teamId: theirs.id, createdById: me.id, name: 'Mine', tokenHash: `t-${n}`, prefix: 'glc_', scopes: [] },
    });

    await deleteAccount(accounts.ctx, me, { confirmation: me.email.toUpperCase(), password: PASSWORD });

    expect(await rowsMentioning([me.id, me.email, mine.id, site.id, site.domain])).toEqual({
      AuditLog: expect.any(Number),
    });
    const audit = await test.db.auditLog.findMany({
      where: { OR: [{ actorId: me.id }, { targetId: me.id }, { teamId: mine.id }] },
    });
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['user.delete', 'team.delete']));
    expect(JSON.stringify(audit, (_, v: unknown) => (typeof v === 'bigint' ? String(v) : v))).not.toContain(me.email);
    // The colleague's team, and the invitation sent from it by the deleted admin, stay.
    expect(await test.db.team.count({ where: { id: theirs.id } })).toBe(1);
    expect(await test.db.invitation.count({ where: { email: 'friend@example.com' } })).toBe(1);
    expect(await test.db.apiToken.count({ where: { teamId: theirs.id } })).toBe(1);
  });
});
