// Regression test: PGlite 0.4.3 with pglite-socket 0.1.3 answered the query after a failed statement
// inside a transaction with the wrong response (no rows, or null). Runs on whichever database the
// suite uses, so both the embedded and the real PostgreSQL must keep their answers in step.
import { afterAll, beforeAll, expect, it } from 'vitest';

import { Conflict } from '@/lib/errors';
import { listSitesForUser } from '@/lib/sites/access';
import { createSite } from '@/lib/sites/create-site';

import { createTestDatabase, type TestDatabase } from './test-database';

let test: TestDatabase;
let owner: string;
let member: string;
let teamId: string;

beforeAll(async () => {
  test = await createTestDatabase();
  owner = (await test.db.user.create({ data: { email: 'owner@example.com' } })).id;
  member = (await test.db.user.create({ data: { email: 'member@example.com' } })).id;
  teamId = (
    await test.db.team.create({
      data: {
        name: 'T',
        memberships: {
          create: [
            { userId: owner, role: 'OWNER' },
            { userId: member, role: 'MEMBER' },
          ],
        },
      },
    })
  ).id;
  await createSite(test.db, { userId: owner }, { teamId, domain: 'step.example.com', timezone: 'UTC' });
});
afterAll(() => test.drop());

it('answers every query correctly right after a transaction failed on a constraint', async () => {
  for (let round = 0; round < 30; round += 1) {
    await expect(
      createSite(test.db, { userId: owner }, { teamId, domain: 'step.example.com', timezone: 'UTC' }),
    ).rejects.toBeInstanceOf(Conflict);
    expect((await listSitesForUser(test.db, member)).map((site) => site.domain)).toEqual(['step.example.com']);
  }
});
