// Funnels, counted by hand. Site in UTC, range 2026-11-10; funnel "/pricing → /signup → event Signup".
//
//   visitor 1 (DE): /  10:00, /pricing 10:01, /signup 10:02, Signup 10:03           → steps 1, 2, 3
//   visitor 2 (FR): /pricing 10:00, /signup 10:05                                    → steps 1, 2
//   visitor 3 (DE): /signup 11:00, /pricing 11:01 (wrong order)                      → step 1
//   visitor 4 (DE): /blog 12:00                                                      → none
//   visitor 5 (DE): /pricing 13:00; 40 minutes later (a new visit) /signup 13:40     → step 1 (visit 1 only)
//   visitor 7 (DE): /pricing 14:00, Signup 14:01, /signup 14:02, Signup 14:03        → steps 1, 2, 3
//                   (the first Signup comes before /signup: only the later one counts)
//   visitor 8 (DE): Signup 15:00, /pricing 15:01, /signup 15:02                      → steps 1, 2 (no Signup after)
//   visitor 9 (DE): all steps on 2026-11-09                                          → outside the range
//   visitor 5 again (DE): a second visit at 18:00 with /pricing                      → still one visitor, two visits
//
// Visitors per step: 6 (1, 2, 3, 5, 7, 8), 4 (1, 2, 7, 8), 2 (1, 7). Visits: 7, 4, 2.
// Conversion 100 %, 66.7 %, 33.3 %; drop-off 0, 2 (of 6), 2 (of 4).
// Filter country is DE (drops visitor 2): 5, 3, 2. Filter page is /blog: only visitor 4 → 0, 0, 0.
// 2026-11-09 to 2026-11-10 adds visitor 9: 7, 5, 3.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createTestDatabase, type TestDatabase } from '@/lib/db/test-database';
import { Conflict, Forbidden, Invalid } from '@/lib/errors';
import { testHit } from '@/lib/ingest/test-hit';
import { writeHits } from '@/lib/ingest/write-hits';
import { createFunnel, deleteFunnel, listFunnels } from '@/lib/sites/funnels';

import { queryFunnel } from './funnels';

let test: TestDatabase;
const ids: Record<string, string> = {};
const day = { from: '2026-11-10', to: '2026-11-10' };
const at = (time: string, date = '2026-11-10') => `${date}T${time}:00Z`;

beforeAll(async () => {
  test = await createTestDatabase();
  // With two-factor on, as the Growth plan below asks of owners (lib/teams/two-factor-policy.ts).
  ids.owner = (await test.db.user.create({ data: { email: 'owner@example.com', totpEnabledAt: new Date() } })).id;
  ids.member = (await test.db.user.create({ data: { email: 'member@example.com' } })).id;
  const team = await test.db.team.create({
    data: {
      name: 'Funnels',
      memberships: {
        create: [
          { userId: ids.owner, role: 'OWNER' },
          { userId: ids.member, role: 'MEMBER' },
        ],
      },
    },
  });
  ids.site = (await test.db.site.create({ data: { teamId: team.id, domain: 'funnel.example.com' } })).id;
  const site = ids.site;
  const page = (visitor: bigint, time: string, path: string, country = 'DE', date?: string) =>
    testHit(site, visitor, at(time, date), path, { place: { country, region: null, city: null } });
  const event = (visitor: bigint, time: string, name: string, path = '/signup', date?: string) =>
    testHit(site, visitor, at(time, date), path, { name });
  // Written in time order, as ingest would.
  const hits = [
    page(9n, '10:00', '/pricing', 'DE', '2026-11-09'),
    page(9n, '10:01', '/signup', 'DE', '2026-11-09'),
    event(9n, '10:02', 'Signup', '/signup', '2026-11-09'),
    page(1n, '10:00', '/'),
    page(2n, '10:00', '/pricing', 'FR'),
    page(1n, '10:01', '/pricing'),
    page(1n, '10:02', '/signup'),
    event(1n, '10:03', 'Signup'),
    page(2n, '10:05', '/signup', 'FR'),
    page(3n, '11:00', '/signup'),
    page(3n, '11:01', '/pricing'),
    page(4n, '12:00', '/blog'),
    page(5n, '13:00', '/pricing'),
    page(5n, '13:40', '/signup'),
    page(7n, '14:00', '/pricing'),
    event(7n, '14:01', 'Signup', '/pricing'),
    page(7n, '14:02', '/signup'),
    event(7n, '14:03', 'Signup'),
    event(8n, '15:00', 'Signup', '/'),
    page(8n, '15:01', '/pricing'),
    page(8n, '15:02', '/signup'),
    page(5n, '18:00', '/pricing'),
  ];
  for (const hit of hits) await writeHits(test.pool, [hit]);
});
afterAll(() => test.drop());

async function theFunnel() {
  const funnel = (await listFunnels(test.db, ids.site!)).find((candidate) => candidate.name === 'Signup');
  return funnel!;
}

describe('funnels', () => {
  it('are created by owners and admins from one step per line, audit-logged', async () => {
    const owner = { userId: ids.owner! };
    await createFunnel(test.db, owner, ids.site!, { name: 'Signup', steps: '/pricing\n\n/signup\nSignup\n' });
    expect((await theFunnel()).steps).toEqual([
      { kind: 'PAGEVIEW', pathPattern: '/pricing' },
      { kind: 'PAGEVIEW', pathPattern: '/signup' },
      { kind: 'EVENT', eventName: 'Signup' },
    ]);
    expect(await test.db.auditLog.count({ where: { action: 'funnel.create' } })).toBe(1);
    await expect(createFunnel(test.db, owner, ids.site!, { name: 'Signup', steps: '/a\n/b' })).rejects.toThrow(
      Conflict,
    );
    await expect(createFunnel(test.db, owner, ids.site!, { name: 'One', steps: '/a' })).rejects.toMatchObject({
      fieldErrors: { steps: 'A funnel has at least 2 steps.' },
    });
    const nine = Array.from({ length: 9 }, (_, i) => `/s${i}`).join('\n');
    await expect(createFunnel(test.db, owner, ids.site!, { name: 'Nine', steps: nine })).rejects.toThrow(Invalid);
    await expect(
      createFunnel(test.db, { userId: ids.member! }, ids.site!, { name: 'Member', steps: '/a\n/b' }),
    ).rejects.toThrow(Forbidden);
    // A plan without funnels (Starter) cannot add one; the trial (no subscription) and Growth can.
    const team = (await test.db.site.findUniqueOrThrow({ where: { id: ids.site! } })).teamId;
    await test.db.subscription.create({ data: { teamId: team, plan: 'starter', status: 'active' } });
    await expect(createFunnel(test.db, owner, ids.site!, { name: 'Starter', steps: '/a\n/b' })).rejects.toThrow(
      /not part of the Starter plan/,
    );
    await test.db.subscription.update({ where: { teamId: team }, data: { plan: 'growth' } });
    await createFunnel(test.db, owner, ids.site!, { name: 'Growth', steps: '/a\n/b' });
    expect((await listFunnels(test.db, ids.site!)).map((funnel) => funnel.name)).toEqual(['Growth', 'Signup']);
  });

  it('counts visitors and visits that reach each step in order within a visit', async () => {
    const result = await queryFunnel(test.db, { id: ids.site!, timezone: 'UTC' }, await theFunnel(), {
      dateRange: day,
      filters: [],
    });
    expect(result.steps.map((step) => [step.label, step.visitors, step.visits, step.dropOff])).toEqual([
      ['Visit /pricing', 6, 7, 0],
      ['Visit /signup', 4, 4, 2],
      ['Signup', 2, 2, 2],
    ]);
    expect(result.steps.map((step) => step.conversionRate)).toEqual([1, 4 / 6, 2 / 6]);
    expect(result.steps.map((step) => step.dropOffRate)).toEqual([0, 2 / 6, 2 / 4]);
  });

  it('honours the dashboard filters and range', async () => {
    const site = { id: ids.site!, timezone: 'UTC' };
    const funnel = await theFunnel();
    const count = async (input: Parameters<typeof queryFunnel>[3]) =>
      (await queryFunnel(test.db, site, funnel, input)).steps.map((step) => step.visitors);
    expect(
      await count({ dateRange: day, filters: [{ dimension: 'country', operator: 'is', values: ['DE'] }] }),
    ).toEqual([5, 3, 2]);
    expect(
      await count({ dateRange: day, filters: [{ dimension: 'page', operator: 'is', values: ['/blog'] }] }),
    ).toEqual([0, 0, 0]);
    expect(await count({ dateRange: { from: '2026-11-09', to: '2026-11-10' }, filters: [] })).toEqual([7, 5, 3]);
    // In Tokyo (UTC+9) 2026-11-10 runs from 15:00 UTC on the 9th to 15:00 UTC on the 10th: visitor 8
    // (15:00, the exclusive end) and visitor 5's 18:00 visit fall out, and visitor 9 (19:00 on the 9th
    // in Tokyo) stays out: 1, 2, 3, 5, 7 / 1, 2, 7 / 1, 7.
    const tokyo = await queryFunnel(test.db, { id: ids.site!, timezone: 'Asia/Tokyo' }, funnel, {
      dateRange: day,
      filters: [],
    });
    expect(tokyo.steps.map((step) => step.visitors)).toEqual([5, 3, 2]);
  });

  it('are deleted with an audit row', async () => {
    const funnel = await theFunnel();
    await deleteFunnel(test.db, { userId: ids.owner! }, ids.site!, funnel.id);
    expect((await listFunnels(test.db, ids.site!)).map((left) => left.name)).toEqual(['Growth']);
    expect(await test.db.auditLog.count({ where: { action: 'funnel.delete', targetId: funnel.id } })).toBe(1);
  });
});
