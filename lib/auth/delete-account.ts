// Deletes an account at once and for good, after the user types their email address and re-enters
// their password (or confirms with a passkey). Teams the user alone owns go with it (their sites,
// events, visits...) when no one else is in them; a team with other members must first be handed
// over (or deleted), so that nobody loses a team they use. Audit entries stay: they hold ids only,
// never the address.
import { z } from 'zod';

import { recordAudit } from '@/lib/audit/record-audit';
import type { Database } from '@/lib/db/client';
import type { Prisma } from '@/lib/db/generated/client';
import { Conflict, Invalid } from '@/lib/errors';
import { forgetSite } from '@/lib/ingest/runtime';
import { purgeTeam, type TeamDeletionHooks } from '@/lib/teams/delete-team';
import { lockTeam } from '@/lib/teams/membership-rules';

import type { AccountContext } from './account-context';
import { confirmIdentity } from './confirm-identity';

const deleteAccountSchema = z.object({
  confirmation: z.string().max(300),
  password: z.unknown().optional(),
  passkey: z.object({ challengeId: z.string().max(64).nullable(), response: z.string().max(20_000) }).optional(),
});

/** What deleting the account would do: teams deleted with it, and teams that block it. */
export async function accountDeletionPlan(db: Pick<Database, 'membership'> | Prisma.TransactionClient, userId: string) {
  const memberships = await db.membership.findMany({
    where: { userId, role: 'OWNER' },
    select: {
      team: {
        select: {
          id: true,
          name: true,
          memberships: { where: { userId: { not: userId } }, select: { role: true } },
        },
      },
    },
  });
  const soleOwned = memberships
    .map(({ team }) => team)
    .filter((team) => !team.memberships.some((member) => member.role === 'OWNER'));
  return {
    /** Teams only this user is in: deleted with the account. */
    deletedWith: soleOwned.filter((team) => team.memberships.length === 0).map(({ id, name }) => ({ id, name })),
    /** Teams this user alone owns but others use: hand them over or delete them first. */
    blocking: soleOwned.filter((team) => team.memberships.length > 0).map(({ id, name }) => ({ id, name })),
  };
}

export async function deleteAccount(
  ctx: AccountContext,
  user: { id: string; email: string },
  input: unknown,
  hooks: TeamDeletionHooks = {},
): Promise<void> {
  const parsed = deleteAccountSchema.safeParse(input);
  if (!parsed.success) throw new Invalid('Type your email address to confirm.');
  if (parsed.data.confirmation.trim().toLowerCase() !== user.email.toLowerCase()) {
    throw new Invalid('Type your email address exactly to confirm', {
      confirmation: `Type ${user.email} to confirm.`,
    });
  }
  await confirmIdentity(ctx, user.id, parsed.data);
  // Teams deleted with the account end their paid subscriptions first (the plan is checked again below).
  const expected = await accountDeletionPlan(ctx.db, user.id);
  if (expected.blocking.length === 0) {
    for (const team of expected.deletedWith) await hooks.beforeTeamPurge?.(team.id);
  }
  const domains = await ctx.db.$transaction(async (tx) => {
    // Decided inside the transaction with the user's teams locked, so a member joining meanwhile is seen.
    const owned = await tx.membership.findMany({ where: { userId: user.id, role: 'OWNER' }, select: { teamId: true } });
    for (const { teamId } of owned.sort((a, b) => a.teamId.localeCompare(b.teamId))) await lockTeam(tx, teamId);
    const plan = await accountDeletionPlan(tx, user.id);
    if (plan.blocking.length > 0) {
      throw new Conflict(
        `You are the only owner of ${plan.blocking.map((team) => team.name).join(', ')}, which other people use. Make someone else an owner, or delete the team, first.`,
      );
    }
    const gone: string[] = [];
    for (const team of plan.deletedWith) gone.push(...(await purgeTeam(tx, team.id, user.id)));
    // Invitations to this address, and the sender's id on invitations they sent, go too.
    await tx.invitation.deleteMany({ where: { email: user.email.toLowerCase() } });
    await tx.invitation.updateMany({ where: { invitedById: user.id }, data: { invitedById: null } });
    // Sessions, passkeys, codes, tokens, memberships go with the user (ON DELETE CASCADE).
    await tx.user.delete({ where: { id: user.id } });
    await recordAudit(tx, {
      action: 'user.delete',
      actorId: user.id,
      targetType: 'user',
      targetId: user.id,
      metadata: { teamsDeleted: plan.deletedWith.length },
    });
    return gone;
  });
  for (const domain of domains) forgetSite(domain);
}
