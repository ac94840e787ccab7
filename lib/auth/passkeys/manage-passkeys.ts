// Listing, renaming and removing a user's passkeys. Every lookup is scoped to the user: another
// user's passkey id is "not found". Removing one needs the password and rotates the sessions.
import { recordAudit } from '@/lib/audit/record-audit';
import { Invalid, NotFound } from '@/lib/errors';
import { securityNoticeTemplate } from '@/lib/email/templates';

import { nowOf, type AccountContext } from '../account-context';
import { reauthenticate } from '../reauthenticate';
import { rotateSessions } from '../sessions';
import { passkeyNameSchema } from './register-passkey';

export async function listPasskeys(ctx: AccountContext, userId: string) {
  return ctx.db.passkey.findMany({
    where: { userId },
    select: { id: true, name: true, createdAt: true, lastUsedAt: true, backedUp: true },
    orderBy: { createdAt: 'asc' },
  });
}

export async function renamePasskey(
  ctx: AccountContext,
  actor: { id: string },
  input: { passkeyId: string; name: unknown },
) {
  const name = passkeyNameSchema.safeParse(input.name);
  if (!name.success) throw new Invalid(name.error.issues[0]!.message, { name: name.error.issues[0]!.message });
  await ctx.db.$transaction(async (tx) => {
    const { count } = await tx.passkey.updateMany({
      where: { id: input.passkeyId, userId: actor.id },
      data: { name: name.data },
    });
    if (count !== 1) throw new NotFound('Passkey not found');
    await recordAudit(tx, {
      action: 'user.passkey_renamed',
      actorId: actor.id,
      targetType: 'passkey',
      targetId: input.passkeyId,
    });
  });
}

export async function removePasskey(
  ctx: AccountContext,
  actor: { id: string; email: string; sessionId: string },
  input: { passkeyId: string; currentPassword: unknown },
) {
  const passkey = await ctx.db.passkey.findFirst({
    where: { id: input.passkeyId, userId: actor.id },
    select: { name: true },
  });
  if (!passkey) throw new NotFound('Passkey not found');
  await reauthenticate(ctx, actor.id, input.currentPassword);
  const now = nowOf(ctx);
  const rotated = await ctx.db.$transaction(async (tx) => {
    const { count } = await tx.passkey.deleteMany({ where: { id: input.passkeyId, userId: actor.id } });
    if (count !== 1) throw new NotFound('Passkey not found');
    await recordAudit(tx, {
      action: 'user.passkey_removed',
      actorId: actor.id,
      targetType: 'passkey',
      targetId: input.passkeyId,
    });
    return rotateSessions(tx, actor.id, actor.sessionId, now);
  });
  ctx.mailer.send({
    to: actor.email,
    ...securityNoticeTemplate('A passkey was removed', now, `Its name: ${passkey.name}.`),
  });
  return rotated;
}
