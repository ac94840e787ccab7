// Deletes a team at once and for good: its sites with every event, visit and goal, its members'
// memberships, invitations, API tokens and subscription row. The owner types the team's name and
// re-enters their password (or confirms with a passkey). Audit entries about the team stay; they
// name people by id only.
import { z } from 'zod';

import type { AccountContext } from '@/lib/auth/account-context';
import { confirmIdentity } from '@/lib/auth/confirm-identity';
import { recordAudit } from '@/lib/audit/record-audit';
import type { Prisma } from '@/lib/db/generated/client';
import { Invalid } from '@/lib/errors';
import { forgetSite } from '@/lib/ingest/runtime';

import { lockTeam } from './membership-rules';
import { requirePermission } from './permissions';

const deleteTeamSchema = z.object({
  confirmation: z.string().max(200),
  password: z.unknown().optional(),
  passkey: z.object({ challengeId: z.string().max(64).nullable(), response: z.string().max(20_000) }).optional(),
});

/** Removes a team and all it holds inside `tx`; returns the domains of its sites (to drop from caches). */
export async function purgeTeam(tx: Prisma.TransactionClient, teamId: string, actorId: string): Promise<string[]> {
  await lockTeam(tx, teamId);
  const sites = await tx.site.findMany({ where: { teamId }, select: { domain: true } });
  // Events, visits and goals go with each site, memberships, invitations, tokens and the
  // subscription with the team (ON DELETE CASCADE): nothing of them is kept.
  await tx.site.deleteMany({ where: { teamId } });
  await tx.team.delete({ where: { id: teamId } });
  await recordAudit(tx, {
    action: 'team.delete',
    teamId,
    actorId,
    targetType: 'team',
    targetId: teamId,
    metadata: { sites: sites.length },
  });
  return sites.map((site) => site.domain);
}

/** What must happen outside the database before a team's rows go (billing cancels its subscription). */
export interface TeamDeletionHooks {
  beforeTeamPurge?: (teamId: string) => Promise<unknown>;
}

export async function deleteTeam(
  ctx: AccountContext,
  actor: { userId: string },
  teamId: string,
  input: unknown,
  hooks: TeamDeletionHooks = {},
): Promise<void> {
  const parsed = deleteTeamSchema.safeParse(input);
  if (!parsed.success) throw new Invalid('Type the team’s name to confirm.');
  await requirePermission(ctx.db, actor.userId, teamId, 'team:delete');
  const team = await ctx.db.team.findUniqueOrThrow({ where: { id: teamId }, select: { name: true } });
  if (parsed.data.confirmation.trim() !== team.name.trim()) {
    throw new Invalid('Type the team’s name exactly to confirm', { confirmation: `Type ${team.name} to confirm.` });
  }
  await confirmIdentity(ctx, actor.userId, parsed.data);
  await hooks.beforeTeamPurge?.(teamId);
  const domains = await ctx.db.$transaction((tx) => purgeTeam(tx, teamId, actor.userId));
  for (const domain of domains) forgetSite(domain);
}
