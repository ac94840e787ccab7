// Removing a member, and leaving a team. Admins may remove admins and members, owners anyone;
// nobody may remove or be the last owner. A removed member is signed out everywhere.
import { recordAudit } from '@/lib/audit/record-audit';
import type { Database } from '@/lib/db/client';
import { Forbidden, Invalid, NotFound } from '@/lib/errors';

import { assertOtherOwner, endSessionsOf, findMember, lockTeam } from './membership-rules';
import { requirePermission } from './permissions';

export async function removeMember(
  db: Database,
  actor: { userId: string },
  teamId: string,
  userId: unknown,
  now = new Date(),
) {
  if (typeof userId !== 'string' || userId.length === 0 || userId.length > 64) throw new Invalid('Choose a member.');
  if (userId === actor.userId) return leaveTeam(db, actor, teamId);
  const actorRole = await requirePermission(db, actor.userId, teamId, 'members:manage');
  await db.$transaction(async (tx) => {
    await lockTeam(tx, teamId);
    const target = await findMember(tx, teamId, userId);
    if (target.role === 'OWNER') {
      if (actorRole !== 'OWNER') throw new Forbidden('Only an owner can remove an owner.');
      await assertOtherOwner(tx, teamId, userId);
    }
    await tx.membership.delete({ where: { teamId_userId: { teamId, userId } } });
    await endSessionsOf(tx, userId, now);
    await recordAudit(tx, {
      action: 'member.removed',
      teamId,
      actorId: actor.userId,
      targetType: 'user',
      targetId: userId,
      metadata: { role: target.role },
    });
  });
}

/** Any member may leave, whatever the team's policies, except its last owner. */
export async function leaveTeam(db: Database, actor: { userId: string }, teamId: string) {
  await db.$transaction(async (tx) => {
    const member = await tx.membership.findUnique({
      where: { teamId_userId: { teamId, userId: actor.userId } },
      select: { role: true },
    });
    if (!member) throw new NotFound('Team not found');
    await lockTeam(tx, teamId);
    const { role } = await findMember(tx, teamId, actor.userId);
    if (role === 'OWNER') await assertOtherOwner(tx, teamId, actor.userId);
    await tx.membership.delete({ where: { teamId_userId: { teamId, userId: actor.userId } } });
    await recordAudit(tx, {
      action: 'member.left',
      teamId,
      actorId: actor.userId,
      targetType: 'user',
      targetId: actor.userId,
      metadata: { role },
    });
  });
}
