// Shared links: who may create and revoke them, what is stored, and how a password unlocks one.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createTestDatabase, type TestDatabase } from '@/lib/db/test-database';
import { Conflict, Forbidden, Invalid, NotFound, RateLimited, Unauthorized } from '@/lib/errors';
import { resetAuthLimits } from '@/lib/ratelimit/auth-limits';
import { createTeamFixture } from '@/lib/teams/test-fixtures';

import { createSharedLink, listSharedLinks, revokeSharedLink } from './manage-shared-links';
import { findSharedLink, isUnlocked, unlockSharedLink } from './shared-link-access';

let test: TestDatabase;
const ids: Record<string, string> = {};
const SECRET = 'test-secret-test-secret-test-secret!';

beforeAll(async () => {
  test = await createTestDatabase();
  Object.assign(ids, await createTeamFixture(test.db, ['admin', 'member']));
  ids.site = (await test.db.site.create({ data: { teamId: ids.team!, domain: 'shared.example.com' } })).id;
});
afterAll(() => test.drop());

describe('managing shared links', () => {
  it('lets an admin create several named links with unguessable slugs, audit-logged', async () => {
    const admin = { userId: ids.admin! };
    const open = await createSharedLink(test.db, admin, ids.site!, { name: 'Public', allowEmbed: true });
    const locked = await createSharedLink(test.db, admin, ids.site!, { name: 'Investors', password: 'correct horse' });
    expect(open.slug).toMatch(/^[\w-]{22}$/);
    expect(open.slug).not.toBe(locked.slug);
    const listed = await listSharedLinks(test.db, ids.site!);
    expect(listed.map((link) => [link.name, link.passwordProtected, link.allowEmbed])).toEqual([
      ['Public', false, true],
      ['Investors', true, false],
    ]);
    expect(listed[1]).not.toHaveProperty('passwordHash');
    const stored = await test.db.sharedLink.findUniqueOrThrow({ where: { id: locked.id } });
    expect(stored.passwordHash).toMatch(/^\$argon2id\$/);
    expect(stored.passwordHash).not.toContain('correct horse');
    const audit = await test.db.auditLog.findMany({ where: { action: 'shared_link.create', teamId: ids.team } });
    expect(audit).toHaveLength(2);
    expect(JSON.stringify(audit.map((row) => row.metadata))).not.toContain('correct horse');
    await expect(createSharedLink(test.db, admin, ids.site!, { name: 'Public' })).rejects.toThrow(Conflict);
  });

  it('refuses bad input, embedding with a password, members and other teams', async () => {
    const owner = { userId: ids.owner! };
    await expect(createSharedLink(test.db, owner, ids.site!, { name: '  ' })).rejects.toThrow(Invalid);
    await expect(createSharedLink(test.db, owner, ids.site!, { name: 'x', password: 'short' })).rejects.toThrow(
      Invalid,
    );
    const embedded = createSharedLink(test.db, owner, ids.site!, {
      name: 'x',
      password: 'long enough',
      allowEmbed: true,
    });
    await expect(embedded).rejects.toMatchObject({ fieldErrors: { allowEmbed: expect.stringMatching(/embedded/) } });
    await expect(createSharedLink(test.db, { userId: ids.member! }, ids.site!, { name: 'x' })).rejects.toThrow(
      Forbidden,
    );
    await expect(createSharedLink(test.db, { userId: ids.outsider! }, ids.site!, { name: 'x' })).rejects.toThrow(
      NotFound,
    );
    expect(await test.db.sharedLink.count({ where: { name: 'x' } })).toBe(0);
  });

  it('revokes a link at once; another team cannot revoke it', async () => {
    const link = await createSharedLink(test.db, { userId: ids.owner! }, ids.site!, { name: 'Temporary' });
    expect(await findSharedLink(test.db, link.slug)).toMatchObject({ name: 'Temporary', site: { id: ids.site } });
    await expect(revokeSharedLink(test.db, { userId: ids.outsider! }, ids.site!, link.id)).rejects.toThrow(NotFound);
    await expect(revokeSharedLink(test.db, { userId: ids.member! }, ids.site!, link.id)).rejects.toThrow(Forbidden);
    await revokeSharedLink(test.db, { userId: ids.owner! }, ids.site!, link.id);
    expect(await findSharedLink(test.db, link.slug)).toBeNull();
    await expect(revokeSharedLink(test.db, { userId: ids.owner! }, ids.site!, link.id)).rejects.toThrow(NotFound);
    expect(await test.db.auditLog.count({ where: { action: 'shared_link.revoke', targetId: link.id } })).toBe(1);
  });

  it('goes with its site', async () => {
    const site = await test.db.site.create({ data: { teamId: ids.team!, domain: 'gone.example.com' } });
    const link = await createSharedLink(test.db, { userId: ids.owner! }, site.id, { name: 'Soon gone' });
    await test.db.site.delete({ where: { id: site.id } });
    expect(await findSharedLink(test.db, link.slug)).toBeNull();
  });
});

describe('opening a password-protected link', () => {
  it('unlocks with the right password only, and the cookie is bound to link, time and password', async () => {
    resetAuthLimits();
    const created = await createSharedLink(test.db, { userId: ids.owner! }, ids.site!, {
      name: 'Board',
      password: 'board-password',
    });
    const other = await createSharedLink(test.db, { userId: ids.owner! }, ids.site!, {
      name: 'Board 2',
      password: 'other-password',
    });
    const link = (await findSharedLink(test.db, created.slug))!;
    const otherLink = (await findSharedLink(test.db, other.slug))!;
    const now = Date.UTC(2026, 10, 30, 12);
    expect(isUnlocked(link, undefined, now, SECRET)).toBe(false);
    await expect(unlockSharedLink(link, 'wrong password', null, 'ip:a', now, SECRET)).rejects.toThrow(Unauthorized);

    const cookie = await unlockSharedLink(link, 'board-password', null, 'ip:a', now, SECRET);
    expect(isUnlocked(link, cookie, now, SECRET)).toBe(true);
    expect(isUnlocked(otherLink, cookie, now, SECRET)).toBe(false);
    expect(isUnlocked(link, cookie, now + 12 * 3_600_000 + 1, SECRET)).toBe(false);
    expect(isUnlocked(link, cookie, now, 'another-secret-another-secret-another')).toBe(false);
    expect(isUnlocked({ ...link, passwordHash: '$argon2id$changed' }, cookie, now, SECRET)).toBe(false);
    const tampered = cookie.replace(/\.(\d+)\./, (_, expires: string) => `.${Number(expires) + 1}.`);
    expect(isUnlocked(link, tampered, now, SECRET)).toBe(false);

    // A second link joins the first in the same cookie.
    const both = await unlockSharedLink(otherLink, 'other-password', cookie, 'ip:a', now, SECRET);
    expect(isUnlocked(link, both, now, SECRET)).toBe(true);
    expect(isUnlocked(otherLink, both, now, SECRET)).toBe(true);
  });

  it('refuses the 11th wrong password from one address within a minute, even a right one', async () => {
    resetAuthLimits();
    const link = (await findSharedLink(
      test.db,
      (await createSharedLink(test.db, { userId: ids.owner! }, ids.site!, { name: 'Guarded', password: 'guarded-pw' }))
        .slug,
    ))!;
    for (let attempt = 0; attempt < 10; attempt++) {
      await expect(unlockSharedLink(link, `guess ${attempt}`, null, 'ip:b', Date.now(), SECRET)).rejects.toThrow(
        Unauthorized,
      );
    }
    await expect(unlockSharedLink(link, 'guarded-pw', null, 'ip:b', Date.now(), SECRET)).rejects.toThrow(RateLimited);
    await expect(unlockSharedLink(link, 'guarded-pw', null, 'ip:c', Date.now(), SECRET)).resolves.toBeTruthy();
  });

  it('does not look up malformed slugs', async () => {
    expect(await findSharedLink(test.db, "x' OR 1=1")).toBeNull();
    expect(await findSharedLink(test.db, 'short')).toBeNull();
  });
});
