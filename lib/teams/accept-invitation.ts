// Accepting an invitation from its emailed link: by the signed-in account with the invited address,
// or by creating that account there and then (the link proves the address, so it counts as
// confirmed). Acceptance deletes the invitation in the same transaction that adds the member: a
// link works once, even when clicked twice at the same time.
import { z } from 'zod';

import { nowOf, type AccountContext, type RequestMeta } from '@/lib/auth/account-context';
import { hashPassword } from '@/lib/auth/password';
import { newPasswordSchema, passwordProblem } from '@/lib/auth/password-policy';
import { recordAudit } from '@/lib/audit/record-audit';
import type { Database } from '@/lib/db/client';
import { Prisma } from '@/lib/db/generated/client';
import { Conflict, Forbidden, Invalid, NotFound } from '@/lib/errors';
import { consumeLimit } from '@/lib/ratelimit/auth-limits';
import { subjectKey } from '@/lib/ratelimit/subject-key';

import { invitationTokenHash } from './invitation-token';

export const INVITATION_GONE =
  'This invitation is not valid any more: it was used or revoked, or it has expired. Ask the team for a new one.';

/** What the invitation page shows before anything is accepted (GET changes nothing). */
export async function describeInvitation(db: Database, token: unknown, now = new Date()) {
  const tokenHash = invitationTokenHash(token);
  if (!tokenHash) return null;
  const invitation = await db.invitation.findFirst({
    where: { tokenHash, expiresAt: { gt: now } },
    select: { email: true, role: true, team: { select: { name: true } } },
  });
  if (!invitation) return null;
  const account = await db.user.findUnique({ where: { email: invitation.email }, select: { id: true } });
  return { email: invitation.email, role: invitation.role, teamName: invitation.team.name, hasAccount: !!account };
}

async function consume(tx: Prisma.TransactionClient, token: unknown, now: Date) {
  const tokenHash = invitationTokenHash(token);
  const invitation = tokenHash
    ? await tx.invitation.findFirst({
        where: { tokenHash, expiresAt: { gt: now } },
        select: { id: true, teamId: true, email: true, role: true },
      })
    : null;
  if (!invitation) throw new NotFound(INVITATION_GONE);
  const { count } = await tx.invitation.deleteMany({ where: { id: invitation.id, tokenHash: tokenHash! } });
  if (count !== 1) throw new NotFound(INVITATION_GONE);
  return invitation;
}

async function join(
  tx: Prisma.TransactionClient,
  invitation: { id: string; teamId: string; role: 'OWNER' | 'ADMIN' | 'MEMBER' },
  userId: string,
) {
  const existing = await tx.membership.findUnique({
    where: { teamId_userId: { teamId: invitation.teamId, userId } },
    select: { role: true },
  });
  if (!existing) {
    await tx.membership.create({ data: { teamId: invitation.teamId, userId, role: invitation.role } });
  }
  await recordAudit(tx, {
    action: 'invitation.accepted',
    teamId: invitation.teamId,
    actorId: userId,
    targetType: 'invitation',
    targetId: invitation.id,
    metadata: { role: existing?.role ?? invitation.role },
  });
}

/** The signed-in user accepts; only the account the invitation was sent to can. */
export async function acceptInvitation(
  ctx: AccountContext,
  user: { id: string; email: string },
  token: unknown,
): Promise<{ teamId: string }> {
  const now = nowOf(ctx);
  return ctx.db.$transaction(async (tx) => {
    const invitation = await consume(tx, token, now);
    if (invitation.email !== user.email.toLowerCase()) {
      throw new Forbidden(
        `This invitation was sent to another email address. Sign out and sign in with that address to accept it.`,
      );
    }
    await join(tx, invitation, user.id);
    return { teamId: invitation.teamId };
  });
}

const newAccountSchema = z.object({
  name: z.string().trim().max(100, 'Use at most 100 characters.').optional(),
  password: newPasswordSchema,
});

/** Creates the invited address's account (already confirmed) and joins the team. */
export async function acceptInvitationWithNewAccount(
  ctx: AccountContext,
  token: unknown,
  input: unknown,
  meta: RequestMeta,
): Promise<{ teamId: string; email: string }> {
  const parsed = newAccountSchema.safeParse(input);
  if (!parsed.success) {
    const fieldErrors = Object.fromEntries(parsed.error.issues.map((issue) => [String(issue.path[0]), issue.message]));
    throw new Invalid('Please correct the highlighted fields', fieldErrors);
  }
  await consumeLimit('signUpPerIp', subjectKey('ip', meta.ip));
  const now = nowOf(ctx);
  const invitation = await describeInvitation(ctx.db, token, now);
  if (!invitation) throw new NotFound(INVITATION_GONE);
  const problem = passwordProblem(parsed.data.password, invitation.email);
  if (problem) throw new Invalid('Please correct the highlighted fields', { password: problem });
  const passwordHash = await hashPassword(parsed.data.password);
  try {
    return await ctx.db.$transaction(async (tx) => {
      const consumed = await consume(tx, token, now);
      const user = await tx.user.create({
        data: { email: consumed.email, name: parsed.data.name || null, passwordHash, emailVerifiedAt: now },
        select: { id: true },
      });
      await recordAudit(tx, { action: 'user.sign_up', actorId: user.id, targetType: 'user', targetId: user.id });
      await join(tx, consumed, user.id);
      return { teamId: consumed.teamId, email: consumed.email };
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
      throw new Conflict('This address already has an account: sign in to accept the invitation.');
    }
    throw error;
  }
}
