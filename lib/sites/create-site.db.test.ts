import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createTestDatabase, type TestDatabase } from '@/lib/db/test-database';
import { Conflict, Forbidden, Invalid, NotFound } from '@/lib/errors';
import { createTeamFixture } from '@/lib/teams/test-fixtures';

import { listSitesForUser } from './access';
import { createSite } from './create-site';

let test: TestDatabase;
const ids: Record<string, string> = {};

beforeAll(async () => {
  test = await createTestDatabase();
  Object.assign(ids, await createTeamFixture(test.db, ['member']));
});
afterAll(() => test.drop());

describe('createSite', () => {
  it('lets an owner add a site, normalising the domain, and audit-logs it', async () => {
    const site = await createSite(
      test.db,
      { userId: ids.owner! },
      { teamId: ids.team, domain: 'https://www.Shop.Example.com/x', timezone: 'Asia/Tokyo' },
    );
    expect(site.domain).toBe('shop.example.com');
    expect(await test.db.site.findUniqueOrThrow({ where: { id: site.id } })).toMatchObject({
      teamId: ids.team,
      timezone: 'Asia/Tokyo',
    });
    expect(await test.db.auditLog.findMany({ where: { targetId: site.id } })).toMatchObject([
      { action: 'site.create', actorId: ids.owner },
    ]);
  });

  it('refuses members (403) and other teams (404), creating nothing', async () => {
    const before = await test.db.site.count();
    await expect(
      createSite(test.db, { userId: ids.member! }, { teamId: ids.team, domain: 'm.example.com', timezone: 'UTC' }),
    ).rejects.toBeInstanceOf(Forbidden);
    await expect(
      createSite(test.db, { userId: ids.outsider! }, { teamId: ids.team, domain: 'o.example.com', timezone: 'UTC' }),
    ).rejects.toBeInstanceOf(NotFound);
    expect(await test.db.site.count()).toBe(before);
  });

  it('explains invalid input per field and refuses a domain already registered', async () => {
    const invalid = createSite(
      test.db,
      { userId: ids.owner! },
      { teamId: ids.team, domain: 'nope', timezone: 'Nowhere/City' },
    );
    await expect(invalid).rejects.toBeInstanceOf(Invalid);
    await expect(invalid).rejects.toMatchObject({
      fieldErrors: { domain: expect.any(String), timezone: 'Choose a time zone from the list' },
    });
    await expect(
      createSite(
        test.db,
        { userId: ids.outsider! },
        { teamId: ids.otherTeam, domain: 'shop.example.com', timezone: 'UTC' },
      ),
    ).rejects.toBeInstanceOf(Conflict);
  });

  it('shows each user only their teams’ sites', async () => {
    expect((await listSitesForUser(test.db, ids.member!)).map((s) => s.domain)).toEqual(['shop.example.com']);
    expect(await listSitesForUser(test.db, ids.outsider!)).toEqual([]);
  });
});
