// Hands a team over: the chosen member becomes an owner and the acting owner steps down to admin.
import { recordAudit } from '@/lib/audit/record-audit';
import type { Database } from '@/lib/db/client';
import { Invalid } from '@/lib/errors';

import { assertCanOwn, findMember, lockTeam } from './membership-rules';
import { requirePermission } from './permissions';

export async function transferOwnership(db: Database, actor: { userId: string }, teamId: string, userId: unknown) {
  if (typeof userId !== 'string' || userId.length === 0 || userId.length > 64) throw new Invalid('Choose a member.');
  if (userId === actor.userId) throw new Invalid('Choose another member to hand the team to.');
  await requirePermission(db, actor.userId, teamId, 'team:transfer');
  await db.$transaction(async (tx) => {
    await lockTeam(tx, teamId);
    const target = await findMember(tx, teamId, userId);
    await assertCanOwn(tx, teamId, userId);
    await tx.membership.update({ where: { teamId_userId: { teamId, userId } }, data: { role: 'OWNER' } });
    await tx.membership.update({
      where: { teamId_userId: { teamId, userId: actor.userId } },
      data: { role: 'ADMIN' },
    });
    await recordAudit(tx, {
      action: 'team.ownership_transferred',
      teamId,
      actorId: actor.userId,
      targetType: 'user',
      targetId: userId,
      metadata: { previousRole: target.role },
    });
  });
}
