// A team's security policy: whether every member must use two-factor authentication. Only owners
// change it, and an owner turning it on must use two-factor authentication already (else the
// policy would lock them out of their own team at once).
import { recordAudit } from '@/lib/audit/record-audit';
import type { Database } from '@/lib/db/client';
import { Conflict, Invalid } from '@/lib/errors';

import { requirePermission } from './permissions';
import { hasTwoFactor } from './two-factor-policy';

export async function setTwoFactorPolicy(
  db: Database,
  actor: { userId: string },
  teamId: string,
  required: unknown,
): Promise<void> {
  if (typeof required !== 'boolean') throw new Invalid('Say whether two-factor authentication is required.');
  await requirePermission(db, actor.userId, teamId, 'team:policy');
  if (required) {
    const me = await db.user.findUniqueOrThrow({
      where: { id: actor.userId },
      select: { totpEnabledAt: true, _count: { select: { passkeys: true } } },
    });
    if (!hasTwoFactor(me)) {
      throw new Conflict('Turn on two-factor authentication for your own account first (Settings → Security).');
    }
  }
  await db.$transaction(async (tx) => {
    const { count } = await tx.team.updateMany({
      where: { id: teamId, requireTwoFactor: !required },
      data: { requireTwoFactor: required },
    });
    if (count === 0) return; // already so: nothing changed, nothing to record
    await recordAudit(tx, {
      action: 'team.policy_changed',
      teamId,
      actorId: actor.userId,
      targetType: 'team',
      targetId: teamId,
      metadata: { requireTwoFactor: required },
    });
  });
}
