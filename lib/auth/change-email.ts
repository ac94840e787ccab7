// Changing the account's email: the current password, then a link to the new address; the change
// happens only when that link is used, and the old address is told at both steps. A taken address
// gets the same answer and no email (account existence is not revealed to a signed-in stranger).
import { recordAudit } from '@/lib/audit/record-audit';
import { Prisma } from '@/lib/db/generated/client';
import { Conflict, Invalid } from '@/lib/errors';
import { confirmEmailChangeTemplate, securityNoticeTemplate } from '@/lib/email/templates';
import { consumeLimit } from '@/lib/ratelimit/auth-limits';
import { subjectKey } from '@/lib/ratelimit/subject-key';

import { link, nowOf, type AccountContext, type RequestMeta } from './account-context';
import { emailSchema } from './email-schema';
import { consumeEmailToken, issueEmailToken } from './email-tokens';
import { reauthenticate } from './reauthenticate';
import { EXPIRED_LINK } from './verify-email';

export async function requestEmailChange(
  ctx: AccountContext,
  actor: { id: string; email: string },
  input: { newEmail: unknown; currentPassword: unknown },
  meta: RequestMeta,
): Promise<void> {
  const parsed = emailSchema.safeParse(input.newEmail);
  if (!parsed.success)
    throw new Invalid('Please correct the highlighted fields', { newEmail: parsed.error.issues[0]!.message });
  const newEmail = parsed.data;
  if (newEmail === actor.email)
    throw new Invalid('Please correct the highlighted fields', { newEmail: 'That is already your email address.' });
  await reauthenticate(ctx, actor.id, input.currentPassword);
  await consumeLimit('emailRequestsPerIp', subjectKey('ip', meta.ip));
  const now = nowOf(ctx);
  if (await ctx.db.user.findUnique({ where: { email: newEmail }, select: { id: true } })) return;
  const token = await ctx.db.$transaction(async (tx) => {
    await recordAudit(tx, {
      action: 'user.email_change_requested',
      actorId: actor.id,
      targetType: 'user',
      targetId: actor.id,
    });
    return issueEmailToken(tx, { userId: actor.id, purpose: 'CHANGE_EMAIL', email: newEmail, now });
  });
  ctx.mailer.send({ to: newEmail, ...confirmEmailChangeTemplate(link(ctx, '/verify?change=1', token)) });
  ctx.mailer.send({
    to: actor.email,
    ...securityNoticeTemplate(
      'A change of your email address was requested',
      now,
      `The new address would be ${newEmail}.`,
    ),
  });
}

export async function confirmEmailChange(ctx: AccountContext, token: string, meta: RequestMeta): Promise<void> {
  await consumeLimit('tokenUsesPerIp', subjectKey('ip', meta.ip));
  const now = nowOf(ctx);
  try {
    const changed = await ctx.db.$transaction(async (tx) => {
      const used = await consumeEmailToken(tx, 'CHANGE_EMAIL', token, now);
      if (!used?.email) return null;
      const before = await tx.user.findUniqueOrThrow({ where: { id: used.userId }, select: { email: true } });
      await tx.user.update({ where: { id: used.userId }, data: { email: used.email, emailVerifiedAt: now } });
      await recordAudit(tx, {
        action: 'user.email_changed',
        actorId: used.userId,
        targetType: 'user',
        targetId: used.userId,
      });
      return before.email;
    });
    if (!changed) throw new Invalid(EXPIRED_LINK);
    ctx.mailer.send({ to: changed, ...securityNoticeTemplate('The email address of your account was changed', now) });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
      throw new Conflict('That address now belongs to another account.');
    }
    throw error;
  }
}
