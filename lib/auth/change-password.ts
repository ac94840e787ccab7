// Changing the password while signed in: the current one first, the policy for the new one, then
// every other session ends and this browser gets a new session (returned for the cookie).
import { recordAudit } from '@/lib/audit/record-audit';
import { Invalid } from '@/lib/errors';
import { securityNoticeTemplate } from '@/lib/email/templates';

import { nowOf, type AccountContext } from './account-context';
import { hashPassword } from './password';
import { newPasswordSchema, passwordProblem } from './password-policy';
import { reauthenticate } from './reauthenticate';
import { rotateSessions } from './sessions';

export async function changePassword(
  ctx: AccountContext,
  actor: { id: string; email: string; sessionId: string },
  input: { currentPassword: unknown; newPassword: unknown },
) {
  const parsed = newPasswordSchema.safeParse(input.newPassword);
  const problem = parsed.success ? passwordProblem(parsed.data, actor.email) : parsed.error.issues[0]!.message;
  if (problem || !parsed.success) throw new Invalid('Please choose another password', { newPassword: problem ?? '' });
  await reauthenticate(ctx, actor.id, input.currentPassword);
  const now = nowOf(ctx);
  const passwordHash = await hashPassword(parsed.data);
  const rotated = await ctx.db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: actor.id }, data: { passwordHash } });
    await recordAudit(tx, {
      action: 'user.password_changed',
      actorId: actor.id,
      targetType: 'user',
      targetId: actor.id,
    });
    return rotateSessions(tx, actor.id, actor.sessionId, now);
  });
  ctx.mailer.send({ to: actor.email, ...securityNoticeTemplate('Your password was changed', now) });
  return rotated;
}
