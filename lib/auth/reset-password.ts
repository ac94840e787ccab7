// Password reset by emailed link (ASVS 6.4): the same answer, and the same time, for any address
// (the lookup and email happen after the answer); a 256-bit single-use token valid for an hour;
// a reset ends every session, and a second factor is still required at the next sign-in.
import { recordAudit } from '@/lib/audit/record-audit';
import { Invalid } from '@/lib/errors';
import { resetPasswordTemplate, securityNoticeTemplate } from '@/lib/email/templates';
import { consumeLimit } from '@/lib/ratelimit/auth-limits';
import { subjectKey } from '@/lib/ratelimit/subject-key';

import { link, nowOf, type AccountContext, type RequestMeta } from './account-context';
import { emailSchema } from './email-schema';
import { consumeEmailToken, hashToken, isEmailTokenLive, issueEmailToken } from './email-tokens';
import { hashPassword } from './password';
import { newPasswordSchema, passwordProblem } from './password-policy';
import { EXPIRED_LINK } from './verify-email';

/**
 * Validates and rate-limits at once; returns `delivery`, the lookup and email, which the caller
 * does not wait for (tests do).
 */
export async function requestPasswordReset(
  ctx: AccountContext,
  input: unknown,
  meta: RequestMeta,
): Promise<{ delivery: Promise<void> }> {
  const parsed = emailSchema.safeParse(input);
  if (!parsed.success) throw new Invalid(parsed.error.issues[0]!.message, { email: parsed.error.issues[0]!.message });
  const email = parsed.data;
  await consumeLimit('emailRequestsPerIp', subjectKey('ip', meta.ip));
  await consumeLimit('emailRequestsPerAddress', subjectKey('email', email));
  const delivery = (async () => {
    const user = await ctx.db.user.findUnique({ where: { email }, select: { id: true } });
    if (!user) return;
    const token = await ctx.db.$transaction(async (tx) => {
      await recordAudit(tx, {
        action: 'user.password_reset_requested',
        actorId: user.id,
        targetType: 'user',
        targetId: user.id,
      });
      return issueEmailToken(tx, { userId: user.id, purpose: 'RESET_PASSWORD', now: nowOf(ctx) });
    });
    ctx.mailer.send({ to: email, ...resetPasswordTemplate(link(ctx, '/reset', token)) });
  })();
  return { delivery };
}

export async function isResetLinkLive(ctx: AccountContext, token: string): Promise<boolean> {
  return isEmailTokenLive(ctx.db, 'RESET_PASSWORD', token, nowOf(ctx));
}

export async function resetPassword(
  ctx: AccountContext,
  input: { token: string; password: unknown },
  meta: RequestMeta,
): Promise<void> {
  await consumeLimit('tokenUsesPerIp', subjectKey('ip', meta.ip));
  const now = nowOf(ctx);
  // Check the new password before using up the link, so a refused password can be retried.
  const pending = await ctx.db.emailToken.findFirst({
    where: { tokenHash: hashToken(input.token), purpose: 'RESET_PASSWORD', usedAt: null, expiresAt: { gt: now } },
    select: { user: { select: { email: true } } },
  });
  if (!pending) throw new Invalid(`${EXPIRED_LINK} Request a new one below.`);
  const parsed = newPasswordSchema.safeParse(input.password);
  const problem = parsed.success ? passwordProblem(parsed.data, pending.user.email) : parsed.error.issues[0]!.message;
  if (problem || !parsed.success) throw new Invalid('Please choose another password', { password: problem ?? '' });

  const passwordHash = await hashPassword(parsed.data);
  const email = await ctx.db.$transaction(async (tx) => {
    const used = await consumeEmailToken(tx, 'RESET_PASSWORD', input.token, now);
    if (!used) return null;
    const user = await tx.user.update({
      where: { id: used.userId },
      data: { passwordHash, sessionVersion: { increment: 1 } },
      select: { email: true },
    });
    // Receiving the link proves the address, too.
    await tx.user.updateMany({ where: { id: used.userId, emailVerifiedAt: null }, data: { emailVerifiedAt: now } });
    await tx.userSession.updateMany({ where: { userId: used.userId, revokedAt: null }, data: { revokedAt: now } });
    await tx.loginChallenge.updateMany({ where: { userId: used.userId, consumedAt: null }, data: { consumedAt: now } });
    await recordAudit(tx, {
      action: 'user.password_reset',
      actorId: used.userId,
      targetType: 'user',
      targetId: used.userId,
    });
    return user.email;
  });
  if (!email) throw new Invalid(`${EXPIRED_LINK} Request a new one below.`);
  ctx.mailer.send({ to: email, ...securityNoticeTemplate('Your password was reset', now) });
}
