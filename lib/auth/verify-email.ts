// Confirms an address from its emailed link, and sends a fresh link on request. Unknown or already
// verified addresses get the same answer as the rest, without any email.
import { recordAudit } from '@/lib/audit/record-audit';
import { Invalid } from '@/lib/errors';
import { verifyEmailTemplate } from '@/lib/email/templates';
import { consumeLimit } from '@/lib/ratelimit/auth-limits';
import { subjectKey } from '@/lib/ratelimit/subject-key';

import { link, nowOf, type AccountContext, type RequestMeta } from './account-context';
import { emailSchema } from './email-schema';
import { consumeEmailToken, issueEmailToken } from './email-tokens';

export const EXPIRED_LINK = 'This link is invalid, was already used or has expired.';

export async function confirmEmail(ctx: AccountContext, token: string, meta: RequestMeta): Promise<void> {
  await consumeLimit('tokenUsesPerIp', subjectKey('ip', meta.ip));
  const now = nowOf(ctx);
  const done = await ctx.db.$transaction(async (tx) => {
    const used = await consumeEmailToken(tx, 'VERIFY_EMAIL', token, now);
    if (!used) return false;
    await tx.user.updateMany({ where: { id: used.userId, emailVerifiedAt: null }, data: { emailVerifiedAt: now } });
    await recordAudit(tx, {
      action: 'user.email_verified',
      actorId: used.userId,
      targetType: 'user',
      targetId: used.userId,
    });
    return true;
  });
  if (!done) throw new Invalid(`${EXPIRED_LINK} Sign in to get a new one.`);
}

/** Emails a new verification link if the address has an unverified account. */
export async function sendVerificationEmail(ctx: AccountContext, input: unknown, meta: RequestMeta): Promise<void> {
  const parsed = emailSchema.safeParse(input);
  if (!parsed.success) throw new Invalid(parsed.error.issues[0]!.message, { email: parsed.error.issues[0]!.message });
  const email = parsed.data;
  await consumeLimit('emailRequestsPerIp', subjectKey('ip', meta.ip));
  await consumeLimit('emailRequestsPerAddress', subjectKey('email', email));
  const user = await ctx.db.user.findUnique({ where: { email }, select: { id: true, emailVerifiedAt: true } });
  if (!user || user.emailVerifiedAt) return;
  const token = await ctx.db.$transaction((tx) =>
    issueEmailToken(tx, { userId: user.id, purpose: 'VERIFY_EMAIL', now: nowOf(ctx) }),
  );
  ctx.mailer.send({ to: email, ...verifyEmailTemplate(link(ctx, '/verify', token)) });
}
