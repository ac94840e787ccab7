// Which sites a user may see: those of the teams they belong to, unless the team's two-factor
// policy keeps them out for now. Every lookup is scoped here.
import type { Database } from '@/lib/db/client';
import { TwoFactorRequired } from '@/lib/errors';
import { requirePermission } from '@/lib/teams/permissions';
import { blockedByTwoFactor, POLICY_SELECT } from '@/lib/teams/two-factor-policy';

/** Every site of every team the user belongs to (whatever the teams' policies). */
export async function listSitesForUser(db: Database, userId: string) {
  return db.site.findMany({
    where: { team: { memberships: { some: { userId } } } },
    select: { id: true, domain: true, timezone: true, team: { select: { id: true, name: true } } },
    orderBy: [{ team: { name: 'asc' } }, { domain: 'asc' }],
  });
}

/** The sites of one team, for a member allowed to read its statistics. */
export async function listSitesForTeam(db: Database, actor: { userId: string }, teamId: string) {
  await requirePermission(db, actor.userId, teamId, 'stats:read');
  return db.site.findMany({
    where: { teamId },
    select: { id: true, domain: true, timezone: true },
    orderBy: { domain: 'asc' },
  });
}

/**
 * The site, with the user's role in its team, if the user is a member of that team, else null (callers
 * answer 404 either way).
 * Throws TwoFactorRequired (403) when the team's policy blocks the member.
 */
export async function findSiteForUser(db: Database, userId: string, siteId: string) {
  const site = await db.site.findFirst({
    where: { id: siteId, team: { memberships: { some: { userId } } } },
    select: {
      id: true,
      domain: true,
      timezone: true,
      teamId: true,
      excludedIpHashes: true,
      team: { select: { memberships: { where: { userId }, select: POLICY_SELECT } } },
    },
  });
  if (!site) return null;
  const membership = site.team.memberships[0]!;
  if (blockedByTwoFactor(membership)) throw new TwoFactorRequired(site.teamId, membership.team.name);
  return {
    id: site.id,
    domain: site.domain,
    timezone: site.timezone,
    teamId: site.teamId,
    excludedIpHashes: site.excludedIpHashes,
    role: membership.role,
  };
}
