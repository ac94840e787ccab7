// Inviting people to a team by email, and managing the invitations still open. Owners and admins
// invite admins and members (ownership is given by an owner, to someone already in the team).
// Each send is rate limited per address, like the other emails anyone can trigger; the plan's member
// limit counts open invitations too.
import { z } from 'zod';

import { link, nowOf, type AccountContext } from '@/lib/auth/account-context';
import { emailSchema } from '@/lib/auth/email-schema';
import { recordAudit } from '@/lib/audit/record-audit';
import { planFor } from '@/lib/billing/plans';
import { invitationTemplate } from '@/lib/email/templates';
import { Conflict, Invalid, NotFound } from '@/lib/errors';
import { consumeLimit } from '@/lib/ratelimit/auth-limits';
import { subjectKey } from '@/lib/ratelimit/subject-key';

import { INVITATION_TTL_MS, newInvitationToken } from './invitation-token';
import { requirePermission } from './permissions';

const inviteSchema = z.object({ email: emailSchema, role: z.enum(['ADMIN', 'MEMBER']) });

const ROLE_WORDS = { OWNER: 'an owner', ADMIN: 'an admin', MEMBER: 'a member' } as const;

type Actor = { userId: string };

async function sendInvitation(
  ctx: AccountContext,
  actor: Actor,
  invitation: { teamId: string; email: string; role: 'OWNER' | 'ADMIN' | 'MEMBER' },
  token: string,
) {
  const [team, inviter] = await Promise.all([
    ctx.db.team.findUniqueOrThrow({ where: { id: invitation.teamId }, select: { name: true } }),
    ctx.db.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { name: true, email: true } }),
  ]);
  ctx.mailer.send({
    to: invitation.email,
    ...invitationTemplate(
      team.name,
      inviter.name ? `${inviter.name} (${inviter.email})` : inviter.email,
      ROLE_WORDS[invitation.role],
      link(ctx, '/invite', token),
    ),
  });
}

export async function inviteMember(ctx: AccountContext, actor: Actor, teamId: string, input: unknown) {
  const parsed = inviteSchema.safeParse(input);
  if (!parsed.success) {
    const fieldErrors = Object.fromEntries(parsed.error.issues.map((issue) => [String(issue.path[0]), issue.message]));
    throw new Invalid('Please correct the highlighted fields', fieldErrors);
  }
  const { email, role } = parsed.data;
  await requirePermission(ctx.db, actor.userId, teamId, 'members:manage');
  const existing = await ctx.db.membership.findFirst({ where: { teamId, user: { email } }, select: { userId: true } });
  if (existing) throw new Conflict(`${email} is already a member of this team.`);
  const pending = await ctx.db.invitation.findFirst({
    where: { teamId, email, expiresAt: { gt: nowOf(ctx) } },
    select: { id: true },
  });
  if (pending) throw new Conflict(`${email} is already invited. Send the invitation again from the list below.`);
  await assertRoomForMember(ctx, teamId);
  await consumeLimit('emailRequestsPerAddress', subjectKey('email', email));

  const now = nowOf(ctx);
  const { token, tokenHash } = newInvitationToken();
  const invitation = await ctx.db.$transaction(async (tx) => {
    // An expired invitation to the same address is replaced, not kept alongside.
    await tx.invitation.deleteMany({ where: { teamId, email } });
    const created = await tx.invitation.create({
      data: {
        teamId,
        email,
        role,
        tokenHash,
        invitedById: actor.userId,
        expiresAt: new Date(now.getTime() + INVITATION_TTL_MS),
      },
      select: { id: true, teamId: true, email: true, role: true },
    });
    await recordAudit(tx, {
      action: 'invitation.sent',
      teamId,
      actorId: actor.userId,
      targetType: 'invitation',
      targetId: created.id,
      metadata: { role },
    });
    return created;
  });
  await sendInvitation(ctx, actor, invitation, token);
  return invitation;
}

/** Sends a new link (the old one stops working) valid for another seven days. */
export async function resendInvitation(ctx: AccountContext, actor: Actor, teamId: string, invitationId: unknown) {
  await requirePermission(ctx.db, actor.userId, teamId, 'members:manage');
  const invitation = await findInvitation(ctx, teamId, invitationId);
  await consumeLimit('emailRequestsPerAddress', subjectKey('email', invitation.email));
  const now = nowOf(ctx);
  const { token, tokenHash } = newInvitationToken();
  await ctx.db.$transaction(async (tx) => {
    await tx.invitation.update({
      where: { id: invitation.id },
      data: { tokenHash, invitedById: actor.userId, expiresAt: new Date(now.getTime() + INVITATION_TTL_MS) },
    });
    await recordAudit(tx, {
      action: 'invitation.resent',
      teamId,
      actorId: actor.userId,
      targetType: 'invitation',
      targetId: invitation.id,
    });
  });
  await sendInvitation(ctx, actor, invitation, token);
}

export async function revokeInvitation(ctx: AccountContext, actor: Actor, teamId: string, invitationId: unknown) {
  await requirePermission(ctx.db, actor.userId, teamId, 'members:manage');
  const invitation = await findInvitation(ctx, teamId, invitationId);
  await ctx.db.$transaction(async (tx) => {
    await tx.invitation.delete({ where: { id: invitation.id } });
    await recordAudit(tx, {
      action: 'invitation.revoked',
      teamId,
      actorId: actor.userId,
      targetType: 'invitation',
      targetId: invitation.id,
    });
  });
}

/** Open invitations (expired ones are listed as such until the retention job removes them). */
export async function listInvitations(ctx: Pick<AccountContext, 'db'>, actor: Actor, teamId: string) {
  await requirePermission(ctx.db, actor.userId, teamId, 'members:manage');
  return ctx.db.invitation.findMany({
    where: { teamId },
    select: { id: true, email: true, role: true, expiresAt: true, createdAt: true },
    orderBy: { createdAt: 'desc' },
  });
}

/** The plan's member limit counts members and open invitations (lib/billing/plans.ts). */
async function assertRoomForMember(ctx: AccountContext, teamId: string) {
  const now = nowOf(ctx);
  const [team, members, invited] = await Promise.all([
    ctx.db.team.findUniqueOrThrow({ where: { id: teamId }, select: { subscription: { select: { plan: true } } } }),
    ctx.db.membership.count({ where: { teamId } }),
    ctx.db.invitation.count({ where: { teamId, expiresAt: { gt: now } } }),
  ]);
  const plan = planFor(team.subscription?.plan);
  if (members + invited >= plan.limits.members) {
    throw new Conflict(
      `The ${plan.name} plan allows ${plan.limits.members} ${plan.limits.members === 1 ? 'member' : 'members'}, open invitations included. Revoke an invitation, remove a member or upgrade the plan.`,
    );
  }
}

async function findInvitation(ctx: AccountContext, teamId: string, invitationId: unknown) {
  if (typeof invitationId !== 'string' || invitationId.length > 64) throw new NotFound('Invitation not found');
  const invitation = await ctx.db.invitation.findFirst({
    where: { id: invitationId, teamId },
    select: { id: true, teamId: true, email: true, role: true },
  });
  if (!invitation) throw new NotFound('Invitation not found');
  return invitation;
}
