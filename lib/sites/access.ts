// Which sites a user may see: those of the teams they belong to. Every lookup is scoped here.
import type { Database } from '@/lib/db/client';

export async function listSitesForUser(db: Database, userId: string) {
  return db.site.findMany({
    where: { team: { memberships: { some: { userId } } } },
    select: { id: true, domain: true, timezone: true, team: { select: { id: true, name: true } } },
    orderBy: [{ team: { name: 'asc' } }, { domain: 'asc' }],
  });
}

/** The site if the user is a member of its team, else null (callers answer 404 either way). */
export async function findSiteForUser(db: Database, userId: string, siteId: string) {
  return db.site.findFirst({
    where: { id: siteId, team: { memberships: { some: { userId } } } },
    select: { id: true, domain: true, timezone: true, teamId: true, excludedIpHashes: true },
  });
}
