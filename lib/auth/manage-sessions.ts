// The signed-in browsers a user can see and end (Settings → Security). Only coarse facts are
// shown: device class, country, how it signed in, when it was last active.
import { recordAudit } from '@/lib/audit/record-audit';
import { NotFound } from '@/lib/errors';

import { nowOf, type AccountContext } from './account-context';
import { SESSION_IDLE_SECONDS } from './sessions';

export async function listActiveSessions(ctx: AccountContext, userId: string) {
  const now = nowOf(ctx);
  return ctx.db.userSession.findMany({
    where: {
      userId,
      revokedAt: null,
      expiresAt: { gt: now },
      lastSeenAt: { gt: new Date(now.getTime() - SESSION_IDLE_SECONDS * 1000) },
    },
    select: { id: true, deviceClass: true, country: true, factors: true, createdAt: true, lastSeenAt: true },
    orderBy: { lastSeenAt: 'desc' },
  });
}

/** Ends one of the user's sessions; another user's session id is "not found". */
export async function revokeSession(ctx: AccountContext, actor: { id: string }, sessionId: string): Promise<void> {
  await ctx.db.$transaction(async (tx) => {
    const { count } = await tx.userSession.updateMany({
      where: { id: sessionId, userId: actor.id, revokedAt: null },
      data: { revokedAt: nowOf(ctx) },
    });
    if (count !== 1) throw new NotFound('That session has already ended.');
    await recordAudit(tx, { action: 'session.revoked', actorId: actor.id, targetType: 'session', targetId: sessionId });
  });
}

/** Ends every session of the user but the current one; returns how many. */
export async function revokeOtherSessions(
  ctx: AccountContext,
  actor: { id: string; sessionId: string },
): Promise<number> {
  return ctx.db.$transaction(async (tx) => {
    const { count } = await tx.userSession.updateMany({
      where: { userId: actor.id, revokedAt: null, id: { not: actor.sessionId } },
      data: { revokedAt: nowOf(ctx) },
    });
    if (count) {
      await recordAudit(tx, {
        action: 'session.revoked',
        actorId: actor.id,
        targetType: 'user',
        targetId: actor.id,
        metadata: { count },
      });
    }
    return count;
  });
}
