// Team membership rules against a real database: roles, removal, leaving, ownership transfer, the
// last owner, foreign teams (404) and insufficient roles (403), each change audit-logged.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { openSession, resolveSession } from '@/lib/auth/sessions';
import { createTestDatabase, type TestDatabase } from '@/lib/db/test-database';
import { Conflict, Forbidden, NotFound } from '@/lib/errors';

import { changeRole } from './change-role';
import { createTeam } from './create-team';
import { listMembers } from './list-members';
import { leaveTeam, removeMember } from './remove-member';
import { transferOwnership } from './transfer-ownership';

let test: TestDatabase;
const u: Record<string, string> = {};
let teamId: string;
let otherTeamId: string;

async function role(userId: string, team = teamId) {
  return (await test.db.membership.findUnique({ where: { teamId_userId: { teamId: team, userId } } }))?.role ?? null;
}
const audits = (action: string) => test.db.auditLog.count({ where: { action, teamId } });

beforeAll(async () => {
  test = await createTestDatabase();
  for (const name of ['owner', 'admin', 'member', 'second', 'outsider']) {
    u[name] = (await test.db.user.create({ data: { email: `${name}@example.com` } })).id;
  }
  otherTeamId = (await createTeam(test.db, { userId: u.outsider! }, { name: 'Elsewhere' })).id;
});
afterAll(() => test.drop());

beforeEach(async () => {
  const team = await createTeam(test.db, { userId: u.owner! }, { name: '  Acme  ' });
  teamId = team.id;
  await test.db.membership.createMany({
    data: [
      { teamId, userId: u.admin!, role: 'ADMIN' },
      { teamId, userId: u.member!, role: 'MEMBER' },
      { teamId, userId: u.second!, role: 'MEMBER' },
    ],
  });
});

describe('createTeam', () => {
  it('makes the creator the owner, trims the name and records it', async () => {
    const team = await test.db.team.findUniqueOrThrow({ where: { id: teamId } });
    expect(team.name).toBe('Acme');
    expect(await role(u.owner!)).toBe('OWNER');
    expect(await audits('team.create')).toBe(1);
    await expect(createTeam(test.db, { userId: u.owner! }, { name: '   ' })).rejects.toThrow('correct');
  });
});

describe('listMembers', () => {
  it('shows every member to members, and nothing to outsiders', async () => {
    const { members } = await listMembers(test.db, { userId: u.member! }, teamId);
    expect(members.map((m) => [m.email, m.role])).toEqual([
      ['owner@example.com', 'OWNER'],
      ['admin@example.com', 'ADMIN'],
      ['member@example.com', 'MEMBER'],
      ['second@example.com', 'MEMBER'],
    ]);
    await expect(listMembers(test.db, { userId: u.outsider! }, teamId)).rejects.toThrow(NotFound);
  });
});

describe('changeRole', () => {
  it('lets an admin promote a member to admin, audit-logged with both roles', async () => {
    await changeRole(test.db, { userId: u.admin! }, teamId, { userId: u.member!, role: 'ADMIN' });
    expect(await role(u.member!)).toBe('ADMIN');
    const entry = await test.db.auditLog.findFirstOrThrow({ where: { action: 'member.role_changed', teamId } });
    expect(entry).toMatchObject({ actorId: u.admin, targetId: u.member, metadata: { from: 'MEMBER', to: 'ADMIN' } });
  });

  it('refuses members (403), outsiders (404) and admins touching ownership (403), changing nothing', async () => {
    await expect(
      changeRole(test.db, { userId: u.member! }, teamId, { userId: u.second!, role: 'ADMIN' }),
    ).rejects.toThrow(Forbidden);
    await expect(
      changeRole(test.db, { userId: u.outsider! }, teamId, { userId: u.second!, role: 'ADMIN' }),
    ).rejects.toThrow(NotFound);
    await expect(
      changeRole(test.db, { userId: u.admin! }, teamId, { userId: u.member!, role: 'OWNER' }),
    ).rejects.toThrow(Forbidden);
    await expect(
      changeRole(test.db, { userId: u.admin! }, teamId, { userId: u.owner!, role: 'MEMBER' }),
    ).rejects.toThrow(Forbidden);
    // A member of another team is "not found" here.
    await expect(
      changeRole(test.db, { userId: u.owner! }, teamId, { userId: u.outsider!, role: 'ADMIN' }),
    ).rejects.toThrow(NotFound);
    expect([await role(u.second!), await role(u.member!), await role(u.owner!)]).toEqual(['MEMBER', 'MEMBER', 'OWNER']);
    expect(await audits('member.role_changed')).toBe(0);
  });

  it('never demotes the last owner, but does once there is a second one', async () => {
    await expect(
      changeRole(test.db, { userId: u.owner! }, teamId, { userId: u.owner!, role: 'ADMIN' }),
    ).rejects.toThrow(Conflict);
    expect(await role(u.owner!)).toBe('OWNER');
    await changeRole(test.db, { userId: u.owner! }, teamId, { userId: u.admin!, role: 'OWNER' });
    await changeRole(test.db, { userId: u.owner! }, teamId, { userId: u.owner!, role: 'ADMIN' });
    expect([await role(u.owner!), await role(u.admin!)]).toEqual(['ADMIN', 'OWNER']);
  });

  it('two owners demoting each other at once leave one owner', async () => {
    await changeRole(test.db, { userId: u.owner! }, teamId, { userId: u.admin!, role: 'OWNER' });
    const results = await Promise.allSettled([
      changeRole(test.db, { userId: u.owner! }, teamId, { userId: u.admin!, role: 'MEMBER' }),
      changeRole(test.db, { userId: u.admin! }, teamId, { userId: u.owner!, role: 'MEMBER' }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(await test.db.membership.count({ where: { teamId, role: 'OWNER' } })).toBe(1);
  });

  it('signs a demoted member out everywhere, and leaves a promoted one signed in', async () => {
    await changeRole(test.db, { userId: u.owner! }, teamId, { userId: u.member!, role: 'ADMIN' });
    const session = await openSession(test.db, {
      userId: u.member!,
      factors: ['password'],
      deviceClass: null,
      country: null,
    });
    const { sessionVersion } = await test.db.user.findUniqueOrThrow({ where: { id: u.member! } });
    const claims = { sub: u.member!, sid: session.id, ver: sessionVersion };
    await changeRole(test.db, { userId: u.owner! }, teamId, { userId: u.second!, role: 'ADMIN' });
    expect(await resolveSession(test.db, claims)).not.toBeNull();
    await changeRole(test.db, { userId: u.owner! }, teamId, { userId: u.member!, role: 'MEMBER' });
    expect(await resolveSession(test.db, claims)).toBeNull();
  });
});

describe('removeMember and leaveTeam', () => {
  it('lets an admin remove a member, who is signed out and loses access', async () => {
    const session = await openSession(test.db, {
      userId: u.second!,
      factors: ['password'],
      deviceClass: null,
      country: null,
    });
    const { sessionVersion } = await test.db.user.findUniqueOrThrow({ where: { id: u.second! } });
    await removeMember(test.db, { userId: u.admin! }, teamId, u.second!);
    expect(await role(u.second!)).toBeNull();
    expect(await resolveSession(test.db, { sub: u.second!, sid: session.id, ver: sessionVersion })).toBeNull();
    await expect(listMembers(test.db, { userId: u.second! }, teamId)).rejects.toThrow(NotFound);
    expect(await audits('member.removed')).toBe(1);
  });

  it('refuses members (403), outsiders (404), admins removing owners (403) and the last owner (409)', async () => {
    await expect(removeMember(test.db, { userId: u.member! }, teamId, u.second!)).rejects.toThrow(Forbidden);
    await expect(removeMember(test.db, { userId: u.outsider! }, teamId, u.second!)).rejects.toThrow(NotFound);
    await expect(removeMember(test.db, { userId: u.admin! }, teamId, u.owner!)).rejects.toThrow(Forbidden);
    await expect(removeMember(test.db, { userId: u.owner! }, teamId, u.owner!)).rejects.toThrow(Conflict);
    await expect(removeMember(test.db, { userId: u.owner! }, otherTeamId, u.outsider!)).rejects.toThrow(NotFound);
    expect(await test.db.membership.count({ where: { teamId } })).toBe(4);
    expect(await audits('member.removed')).toBe(0);
  });

  it('lets anyone but the last owner leave', async () => {
    await leaveTeam(test.db, { userId: u.member! }, teamId);
    expect(await role(u.member!)).toBeNull();
    expect(await audits('member.left')).toBe(1);
    await expect(leaveTeam(test.db, { userId: u.owner! }, teamId)).rejects.toThrow(Conflict);
    await expect(leaveTeam(test.db, { userId: u.outsider! }, teamId)).rejects.toThrow(NotFound);
    expect(await role(u.owner!)).toBe('OWNER');
  });
});

describe('transferOwnership', () => {
  it('makes the chosen member owner and the old owner admin, audit-logged', async () => {
    await transferOwnership(test.db, { userId: u.owner! }, teamId, u.member!);
    expect([await role(u.member!), await role(u.owner!)]).toEqual(['OWNER', 'ADMIN']);
    const entry = await test.db.auditLog.findFirstOrThrow({ where: { action: 'team.ownership_transferred', teamId } });
    expect(entry).toMatchObject({ actorId: u.owner, targetId: u.member });
    // The old owner, now an admin, can no longer hand it on.
    await expect(transferOwnership(test.db, { userId: u.owner! }, teamId, u.second!)).rejects.toThrow(Forbidden);
  });

  it('refuses admins (403), outsiders (404) and strangers as new owner (404)', async () => {
    await expect(transferOwnership(test.db, { userId: u.admin! }, teamId, u.member!)).rejects.toThrow(Forbidden);
    await expect(transferOwnership(test.db, { userId: u.outsider! }, teamId, u.member!)).rejects.toThrow(NotFound);
    await expect(transferOwnership(test.db, { userId: u.owner! }, teamId, u.outsider!)).rejects.toThrow(NotFound);
    expect(await role(u.owner!)).toBe('OWNER');
  });
});
