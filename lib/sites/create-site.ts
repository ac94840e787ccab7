// Adds a site to a team the caller may manage sites in, and records it in the audit log.
import { recordAudit } from '@/lib/audit/record-audit';
import type { Database } from '@/lib/db/client';
import { Prisma } from '@/lib/db/generated/client';
import { Conflict, Invalid } from '@/lib/errors';
import { requirePermission } from '@/lib/teams/permissions';

import { siteInputSchema, type SiteInput } from './site-input';
import { auditedBy, type TeamActor } from './team-actor';

export async function createSite(db: Database, actor: { userId: string }, input: unknown) {
  const parsed = siteInputSchema.safeParse(input);
  if (!parsed.success) {
    const fieldErrors = Object.fromEntries(parsed.error.issues.map((issue) => [String(issue.path[0]), issue.message]));
    throw new Invalid('Please correct the highlighted fields', fieldErrors);
  }
  const { teamId, domain, timezone } = parsed.data;
  await requirePermission(db, actor.userId, teamId, 'sites:manage');
  return insertSite(db, { teamId, userId: actor.userId }, { domain, timezone });
}

/** Creates the site for an actor whose right to manage the team's sites was already checked. */
export async function insertSite(db: Database, actor: TeamActor, input: Omit<SiteInput, 'teamId'>) {
  const { domain, timezone } = input;
  try {
    return await db.$transaction(async (tx) => {
      const site = await tx.site.create({
        data: { teamId: actor.teamId, domain, timezone },
        select: { id: true, domain: true },
      });
      await recordAudit(tx, {
        ...auditedBy(actor, { domain }),
        action: 'site.create',
        targetType: 'site',
        targetId: site.id,
      });
      return site;
    });
  } catch (error) {
    // The domain is unique across Glance: a tracker names its site by domain alone.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
      throw new Conflict(`${domain} is already registered with Glance. If it is yours, ask its team to invite you.`);
    }
    throw error;
  }
}

/** Whether any event has arrived for the site (the "waiting for the first hit" check). */
export async function siteHasEvents(db: Database, siteId: string): Promise<boolean> {
  return (await db.event.findFirst({ where: { siteId }, select: { id: true } })) !== null;
}
