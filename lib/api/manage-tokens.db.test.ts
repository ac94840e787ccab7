// API tokens: who may issue, list and revoke them; shown once, stored as a SHA-256 hash only; audited.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createTestDatabase, type TestDatabase } from '@/lib/db/test-database';
import { Forbidden, Invalid, NotFound, Unauthorized } from '@/lib/errors';

import { authenticateToken, LAST_USED_RESOLUTION_MS } from './authenticate-token';
import { createApiToken, listApiTokens, revokeApiToken } from './manage-tokens';
import { createApiTeam } from './test-api';
import { hashToken } from './token-secret';

let test: TestDatabase;
let a: Awaited<ReturnType<typeof createApiTeam>>;
let b: Awaited<ReturnType<typeof createApiTeam>>;

beforeAll(async () => {
  test = await createTestDatabase();
  a = await createApiTeam(test.db, 'Alpha');
  b = await createApiTeam(test.db, 'Beta');
});
afterAll(() => test.drop());

describe('createApiToken', () => {
  it('returns a glc_ token once and stores only its SHA-256 and first characters, audit-logged', async () => {
    const issued = await createApiToken(test.db, { userId: a.owner.id }, a.team.id, {
      name: '  Report script ',
      scopes: ['sites:read', 'stats:read', 'stats:read'],
      expiresInDays: 30,
    });
    expect(issued.token).toMatch(/^glc_[A-Za-z0-9_-]{43}$/);
    const row = await test.db.apiToken.findUniqueOrThrow({ where: { id: issued.id } });
    expect(row.tokenHash).toBe(hashToken(issued.token));
    expect(row.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(row.prefix).toBe(issued.token.slice(0, 12));
    expect(row).toMatchObject({ name: 'Report script', scopes: ['stats:read', 'sites:read'], createdById: a.owner.id });
    expect(row.expiresAt!.getTime() - row.createdAt.getTime()).toBeGreaterThan(29.9 * 86_400_000);
    // Nowhere in the database is the token itself.
    const text = (rows: unknown) =>
      JSON.stringify(rows, (_key, value: unknown) => (typeof value === 'bigint' ? String(value) : value));
    const dump = text(await test.db.apiToken.findMany()) + text(await test.db.auditLog.findMany());
    expect(dump).not.toContain(issued.token);
    expect(dump).not.toContain(issued.token.slice(12));
    const audit = await test.db.auditLog.findMany({ where: { action: 'api_token.create', targetId: issued.id } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ teamId: a.team.id, actorId: a.owner.id });
  });

  it('refuses members (403), other teams (404) and invalid input (400), creating nothing', async () => {
    const before = await test.db.apiToken.count();
    const input = { name: 'x', scopes: ['stats:read'] };
    await expect(createApiToken(test.db, { userId: a.member.id }, a.team.id, input)).rejects.toThrow(Forbidden);
    await expect(createApiToken(test.db, { userId: b.owner.id }, a.team.id, input)).rejects.toThrow(NotFound);
    for (const bad of [
      { name: '', scopes: ['stats:read'] },
      { name: 'x', scopes: [] },
      { name: 'x', scopes: ['admin:all'] },
      { name: 'x', scopes: ['stats:read'], expiresInDays: 12 },
    ]) {
      await expect(createApiToken(test.db, { userId: a.owner.id }, a.team.id, bad)).rejects.toThrow(Invalid);
    }
    expect(await test.db.apiToken.count()).toBe(before);
  });
});

describe('listApiTokens and revokeApiToken', () => {
  it('lists the team’s live tokens without secrets; revocation works at once and is audit-logged', async () => {
    const issued = await createApiToken(test.db, { userId: a.owner.id }, a.team.id, {
      name: 'CI',
      scopes: ['events:write'],
    });
    await expect(authenticateToken(test.db, `Bearer ${issued.token}`)).resolves.toMatchObject({
      teamId: a.team.id,
      scopes: ['events:write'],
    });
    const listed = await listApiTokens(test.db, { userId: a.owner.id }, a.team.id);
    expect(listed.map((token) => token.name)).toContain('CI');
    expect(JSON.stringify(listed)).not.toContain('tokenHash');
    expect(listed.find((token) => token.name === 'CI')!.createdBy).toEqual({
      name: 'Owner Alpha',
      email: a.owner.email,
    });
    await expect(listApiTokens(test.db, { userId: a.member.id }, a.team.id)).rejects.toThrow(Forbidden);
    await expect(listApiTokens(test.db, { userId: b.owner.id }, a.team.id)).rejects.toThrow(NotFound);

    await expect(revokeApiToken(test.db, { userId: b.owner.id }, b.team.id, issued.id)).rejects.toThrow(NotFound);
    await expect(revokeApiToken(test.db, { userId: a.member.id }, a.team.id, issued.id)).rejects.toThrow(Forbidden);
    await revokeApiToken(test.db, { userId: a.owner.id }, a.team.id, issued.id);
    await expect(authenticateToken(test.db, `Bearer ${issued.token}`)).rejects.toThrow(Unauthorized);
    await expect(revokeApiToken(test.db, { userId: a.owner.id }, a.team.id, issued.id)).rejects.toThrow(NotFound);
    expect((await listApiTokens(test.db, { userId: a.owner.id }, a.team.id)).map((t) => t.name)).not.toContain('CI');
    expect(await test.db.auditLog.count({ where: { action: 'api_token.revoke', targetId: issued.id } })).toBe(1);
  });
});

describe('authenticateToken', () => {
  it('refuses missing, malformed, unknown and expired tokens with 401', async () => {
    const issued = await createApiToken(test.db, { userId: a.owner.id }, a.team.id, {
      name: 'short-lived',
      scopes: ['stats:read'],
      expiresInDays: 7,
    });
    for (const header of [null, '', 'Basic abc', 'Bearer', 'Bearer glc_short', `Bearer glc_${'A'.repeat(43)}`]) {
      await expect(authenticateToken(test.db, header)).rejects.toThrow(Unauthorized);
    }
    await expect(authenticateToken(test.db, `bearer ${issued.token}`)).resolves.toBeDefined();
    const later = new Date(Date.now() + 7 * 86_400_000 + 1_000);
    await expect(authenticateToken(test.db, `Bearer ${issued.token}`, later)).rejects.toThrow(Unauthorized);
  });

  it('records the last use, at most once a minute', async () => {
    const issued = await createApiToken(test.db, { userId: a.owner.id }, a.team.id, {
      name: 'used',
      scopes: ['stats:read'],
    });
    const lastUsed = async () => (await test.db.apiToken.findUniqueOrThrow({ where: { id: issued.id } })).lastUsedAt;
    expect(await lastUsed()).toBeNull();
    const t0 = new Date();
    await authenticateToken(test.db, `Bearer ${issued.token}`, t0);
    expect((await lastUsed())?.getTime()).toBe(t0.getTime());
    await authenticateToken(test.db, `Bearer ${issued.token}`, new Date(t0.getTime() + 1_000));
    expect((await lastUsed())?.getTime()).toBe(t0.getTime());
    const t1 = new Date(t0.getTime() + LAST_USED_RESOLUTION_MS + 1);
    await authenticateToken(test.db, `Bearer ${issued.token}`, t1);
    expect((await lastUsed())?.getTime()).toBe(t1.getTime());
  });

  it('refuses a team whose plan lacks the API (403), and allows trial and API plans', async () => {
    const issued = await createApiToken(test.db, { userId: b.owner.id }, b.team.id, {
      name: 'p',
      scopes: ['stats:read'],
    });
    await expect(authenticateToken(test.db, `Bearer ${issued.token}`)).resolves.toBeDefined();
    await test.db.subscription.create({ data: { teamId: b.team.id, plan: 'starter', status: 'active' } });
    await expect(authenticateToken(test.db, `Bearer ${issued.token}`)).rejects.toThrow(Forbidden);
    await test.db.subscription.update({ where: { teamId: b.team.id }, data: { plan: 'growth' } });
    await expect(authenticateToken(test.db, `Bearer ${issued.token}`)).resolves.toBeDefined();
  });
});
