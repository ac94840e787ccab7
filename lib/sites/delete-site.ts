// Deletes a site and everything recorded for it, at once and for good, after its domain is typed back.
import { recordAudit } from '@/lib/audit/record-audit';
import type { Database } from '@/lib/db/client';
import { Invalid, NotFound } from '@/lib/errors';
import { forgetSite } from '@/lib/ingest/runtime';
import { requirePermission } from '@/lib/teams/permissions';

import { auditedBy, type TeamActor } from './team-actor';

export async function deleteSite(
  db: Database,
  actor: { userId: string },
  siteId: string,
  confirmation: string,
): Promise<{ domain: string }> {
  const site = await db.site.findUnique({ where: { id: siteId }, select: { id: true, teamId: true, domain: true } });
  if (!site) throw new NotFound('Site not found');
  await requirePermission(db, actor.userId, site.teamId, 'sites:manage');
  if (confirmation.trim().toLowerCase() !== site.domain) {
    throw new Invalid('Type the domain exactly to confirm', { confirmation: `Type ${site.domain} to confirm.` });
  }
  await removeSite(db, { teamId: site.teamId, userId: actor.userId }, site);
  return { domain: site.domain };
}

/** Deletes a site of the actor's team (access already checked); NotFound if the team has no such site. */
export async function removeSite(db: Database, actor: TeamActor, site: { id: string; domain: string }) {
  await db.$transaction(async (tx) => {
    // Events, visits and goals go with the site (ON DELETE CASCADE); nothing of them is kept.
    const { count } = await tx.site.deleteMany({ where: { id: site.id, teamId: actor.teamId } });
    if (count === 0) throw new NotFound('Site not found');
    await recordAudit(tx, {
      ...auditedBy(actor, { domain: site.domain }),
      action: 'site.delete',
      targetType: 'site',
      targetId: site.id,
    });
  });
  forgetSite(site.domain);
}
