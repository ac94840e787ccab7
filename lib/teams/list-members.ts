// Who is in a team, for its members' page: every member may see the others and their roles.
import type { Database } from '@/lib/db/client';

import { requirePermission } from './permissions';
import { hasTwoFactor } from './two-factor-policy';

export async function listMembers(db: Database, actor: { userId: string }, teamId: string) {
  await requirePermission(db, actor.userId, teamId, 'stats:read');
  const [team, memberships] = await Promise.all([
    db.team.findUniqueOrThrow({ where: { id: teamId }, select: { id: true, name: true, requireTwoFactor: true } }),
    db.membership.findMany({
      where: { teamId },
      select: {
        role: true,
        createdAt: true,
        user: {
          select: { id: true, email: true, name: true, totpEnabledAt: true, _count: { select: { passkeys: true } } },
        },
      },
      orderBy: [{ role: 'asc' }, { createdAt: 'asc' }],
    }),
  ]);
  return {
    team,
    members: memberships.map(({ role, createdAt, user }) => ({
      userId: user.id,
      email: user.email,
      name: user.name,
      role,
      joinedAt: createdAt,
      twoFactor: hasTwoFactor(user),
    })),
  };
}

export type TeamMember = Awaited<ReturnType<typeof listMembers>>['members'][number];
