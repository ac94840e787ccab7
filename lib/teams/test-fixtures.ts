// For integration tests: team "A" with an owner and the other roles a test asks for, and an outsider who
// owns team "B" — the cast of most permission tests. Users are `<role>@example.com`.
import type { Database } from '@/lib/db/client';

type ExtraRole = 'admin' | 'member';

export type TeamFixture<R extends ExtraRole> = {
  team: string;
  otherTeam: string;
  owner: string;
  outsider: string;
} & Record<R, string>;

const ROLE = { admin: 'ADMIN', member: 'MEMBER' } as const;

/** Creates the users and both teams; returns their ids by role (and `team`, `otherTeam`). */
export async function createTeamFixture<R extends ExtraRole>(
  db: Database,
  roles: readonly R[],
): Promise<TeamFixture<R>> {
  const user = async (name: string) => (await db.user.create({ data: { email: `${name}@example.com` } })).id;
  const owner = await user('owner');
  const others = [] as { role: R; id: string }[];
  for (const role of roles) others.push({ role, id: await user(role) });
  const outsider = await user('outsider');
  const team = await db.team.create({
    data: {
      name: 'A',
      memberships: {
        create: [{ userId: owner, role: 'OWNER' }, ...others.map(({ role, id }) => ({ userId: id, role: ROLE[role] }))],
      },
    },
  });
  const otherTeam = await db.team.create({
    data: { name: 'B', memberships: { create: { userId: outsider, role: 'OWNER' } } },
  });
  const byRole = Object.fromEntries(others.map(({ role, id }) => [role, id])) as Record<R, string>;
  return { team: team.id, otherTeam: otherTeam.id, owner, outsider, ...byRole };
}
