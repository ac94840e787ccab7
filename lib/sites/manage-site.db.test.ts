// Goals and site deletion: who may, what it takes, and that nothing of a deleted site is left.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createTestDatabase, type TestDatabase } from '@/lib/db/test-database';
import { Conflict, Forbidden, Invalid, NotFound } from '@/lib/errors';
import { testHit } from '@/lib/ingest/test-hit';
import { writeHits } from '@/lib/ingest/write-hits';
import { createTeamFixture } from '@/lib/teams/test-fixtures';

import { deleteSite } from './delete-site';
import { createGoal, deleteGoal, listGoals } from './goals';

let test: TestDatabase;
const ids: Record<string, string> = {};

beforeAll(async () => {
  test = await createTestDatabase();
  Object.assign(ids, await createTeamFixture(test.db, ['member']));
  ids.site = (await test.db.site.create({ data: { teamId: ids.team!, domain: 'keep.example.com' } })).id;
  ids.doomed = (await test.db.site.create({ data: { teamId: ids.team!, domain: 'doomed.example.com' } })).id;
  await writeHits(test.pool, [
    testHit(ids.site, 1n, new Date(), '/'),
    testHit(ids.doomed, 2n, new Date(), '/'),
    testHit(ids.doomed, 2n, new Date(), '/pricing'),
    testHit(ids.doomed, 3n, new Date(), '/', { name: 'Signup', props: { plan: 'pro' } }),
  ]);
});
afterAll(() => test.drop());

describe('goals', () => {
  it('lets an admin or owner add event and pageview goals, audit-logged', async () => {
    const owner = { userId: ids.owner! };
    const event = await createGoal(test.db, owner, ids.site!, { kind: 'EVENT', eventName: 'Signup' });
    const page = await createGoal(test.db, owner, ids.site!, { kind: 'PAGEVIEW', pathPattern: '/blog/**' });
    expect([event.displayName, page.displayName]).toEqual(['Signup', 'Visit /blog/**']);
    expect((await listGoals(test.db, ids.site!)).map((goal) => goal.displayName)).toEqual(['Signup', 'Visit /blog/**']);
    expect(await test.db.auditLog.count({ where: { action: 'goal.create', teamId: ids.team } })).toBe(2);
    await expect(createGoal(test.db, owner, ids.site!, { kind: 'EVENT', eventName: 'Signup' })).rejects.toThrow(
      Conflict,
    );
    await expect(createGoal(test.db, owner, ids.site!, { kind: 'PAGEVIEW', pathPattern: 'blog' })).rejects.toThrow(
      Invalid,
    );

    await deleteGoal(test.db, owner, ids.site!, event.id);
    expect((await listGoals(test.db, ids.site!)).map((goal) => goal.displayName)).toEqual(['Visit /blog/**']);
    await expect(deleteGoal(test.db, owner, ids.site!, event.id)).rejects.toThrow(NotFound);
  });

  it('refuses members and other teams', async () => {
    await expect(
      createGoal(test.db, { userId: ids.member! }, ids.site!, { kind: 'EVENT', eventName: 'X' }),
    ).rejects.toThrow(Forbidden);
    await expect(
      createGoal(test.db, { userId: ids.outsider! }, ids.site!, { kind: 'EVENT', eventName: 'X' }),
    ).rejects.toThrow(NotFound);
    const [goal] = await listGoals(test.db, ids.site!);
    await expect(deleteGoal(test.db, { userId: ids.outsider! }, ids.site!, goal!.id)).rejects.toThrow(NotFound);
    await expect(deleteGoal(test.db, { userId: ids.member! }, ids.site!, goal!.id)).rejects.toThrow(Forbidden);
    expect(await listGoals(test.db, ids.site!)).toHaveLength(1);
  });
});

describe('deleteSite', () => {
  it('refuses other teams, members and a wrong confirmation, changing nothing', async () => {
    await expect(deleteSite(test.db, { userId: ids.outsider! }, ids.doomed!, 'doomed.example.com')).rejects.toThrow(
      NotFound,
    );
    await expect(deleteSite(test.db, { userId: ids.member! }, ids.doomed!, 'doomed.example.com')).rejects.toThrow(
      Forbidden,
    );
    await expect(deleteSite(test.db, { userId: ids.owner! }, ids.doomed!, 'doomed.example')).rejects.toThrow(Invalid);
    expect(await test.db.event.count({ where: { siteId: ids.doomed } })).toBe(3);
  });

  it('deletes the site with every event, visit and goal, and leaves the other sites alone', async () => {
    await createGoal(test.db, { userId: ids.owner! }, ids.doomed!, { kind: 'EVENT', eventName: 'Signup' });
    await deleteSite(test.db, { userId: ids.owner! }, ids.doomed!, ' Doomed.Example.com ');
    const left = await test.pool.query(
      `SELECT (SELECT count(*) FROM "Site" WHERE id = $1)::int AS sites, (SELECT count(*) FROM "Event" WHERE "siteId" = $1)::int AS events,
              (SELECT count(*) FROM "Visit" WHERE "siteId" = $1)::int AS visits, (SELECT count(*) FROM "Goal" WHERE "siteId" = $1)::int AS goals,
              (SELECT count(*) FROM "Event" WHERE props::text LIKE '%pro%')::int AS props`,
      [ids.doomed],
    );
    expect(left.rows[0]).toEqual({ sites: 0, events: 0, visits: 0, goals: 0, props: 0 });
    expect(await test.db.event.count({ where: { siteId: ids.site } })).toBe(1);
    expect(await test.db.auditLog.findFirst({ where: { action: 'site.delete', targetId: ids.doomed } })).toMatchObject({
      actorId: ids.owner,
      metadata: { domain: 'doomed.example.com' },
    });
  });
});
