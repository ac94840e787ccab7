// Changes a member's role. Owners and admins manage members, but only an owner may make someone an
// owner or change an owner's role; the last owner keeps the role. A member whose role someone else
// lowers is signed out everywhere (lib/teams/membership-rules.ts endSessionsOf).
import { z } from 'zod';

import { recordAudit } from '@/lib/audit/record-audit';
import type { Database } from '@/lib/db/client';
import { Forbidden, Invalid } from '@/lib/errors';

import { assertCanOwn, assertOtherOwner, endSessionsOf, findMember, isDemotion, lockTeam } from './membership-rules';
import { requirePermission } from './permissions';

const changeRoleSchema = z.object({
  userId: z.string().min(1).max(64),
  role: z.enum(['OWNER', 'ADMIN', 'MEMBER']),
});

export async function changeRole(
  db: Database,
  actor: { userId: string },
  teamId: string,
  input: unknown,
  now = new Date(),
) {
  const parsed = changeRoleSchema.safeParse(input);
  if (!parsed.success) throw new Invalid('Choose a member and a role.');
  const { userId, role } = parsed.data;
  const actorRole = await requirePermission(db, actor.userId, teamId, 'members:manage');
  return db.$transaction(async (tx) => {
    await lockTeam(tx, teamId);
    const target = await findMember(tx, teamId, userId);
    if (target.role === role) return { role };
    if (actorRole !== 'OWNER' && (role === 'OWNER' || target.role === 'OWNER')) {
      throw new Forbidden('Only an owner can make someone an owner or change an owner’s role.');
    }
    if (target.role === 'OWNER') await assertOtherOwner(tx, teamId, userId);
    if (role === 'OWNER') await assertCanOwn(tx, teamId, userId);
    await tx.membership.update({ where: { teamId_userId: { teamId, userId } }, data: { role } });
    if (isDemotion(target.role, role) && userId !== actor.userId) await endSessionsOf(tx, userId, now);
    await recordAudit(tx, {
      action: 'member.role_changed',
      teamId,
      actorId: actor.userId,
      targetType: 'user',
      targetId: userId,
      metadata: { from: target.role, to: role },
    });
    return { role };
  });
}
