// Creates an account with a personal team and emails a verification link. The answer, and the
// work done, are the same whether or not the address already has an account: an existing owner
// gets an email saying so instead, and nothing else happens.
import { z } from 'zod';

import { recordAudit } from '@/lib/audit/record-audit';
import { Prisma } from '@/lib/db/generated/client';
import { Invalid } from '@/lib/errors';
import { alreadyRegisteredTemplate, verifyEmailTemplate } from '@/lib/email/templates';
import { consumeLimit } from '@/lib/ratelimit/auth-limits';
import { subjectKey } from '@/lib/ratelimit/subject-key';
import { insertOwnedTeam } from '@/lib/teams/create-team';

import { link, nowOf, type AccountContext, type RequestMeta } from './account-context';
import { emailSchema } from './email-schema';
import { issueEmailToken } from './email-tokens';
import { hashPassword } from './password';
import { newPasswordSchema, passwordProblem } from './password-policy';

const signUpSchema = z.object({
  name: z.string().trim().max(100, 'Use at most 100 characters.').optional(),
  email: emailSchema,
  password: newPasswordSchema,
});

export async function signUp(ctx: AccountContext, input: unknown, meta: RequestMeta): Promise<void> {
  const parsed = signUpSchema.safeParse(input);
  const fieldErrors: Record<string, string> = {};
  if (!parsed.success) {
    for (const issue of parsed.error.issues) fieldErrors[String(issue.path[0])] ??= issue.message;
  } else {
    const problem = passwordProblem(parsed.data.password, parsed.data.email);
    if (problem) fieldErrors.password = problem;
  }
  if (!parsed.success || Object.keys(fieldErrors).length) {
    throw new Invalid('Please correct the highlighted fields', fieldErrors);
  }
  await consumeLimit('signUpPerIp', subjectKey('ip', meta.ip));

  const { email, password } = parsed.data;
  const name = parsed.data.name || null;
  const now = nowOf(ctx);
  const passwordHash = await hashPassword(password);
  try {
    const token = await ctx.db.$transaction(async (tx) => {
      const user = await tx.user.create({ data: { email, name, passwordHash }, select: { id: true } });
      // The personal team is created like any other (same audit row as the team switcher's).
      await insertOwnedTeam(tx, user.id, name ? `${name}'s team` : `${email.split('@')[0]}'s team`);
      await recordAudit(tx, { action: 'user.sign_up', actorId: user.id, targetType: 'user', targetId: user.id });
      return issueEmailToken(tx, { userId: user.id, purpose: 'VERIFY_EMAIL', now });
    });
    ctx.mailer.send({ to: email, ...verifyEmailTemplate(link(ctx, '/verify', token)) });
  } catch (error) {
    if (!(error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002')) throw error;
    ctx.mailer.send({
      to: email,
      ...alreadyRegisteredTemplate(link(ctx, '/sign-in'), link(ctx, '/reset')),
    });
  }
}
