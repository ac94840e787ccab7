// Deletes a site and everything recorded for it, at once and for good, after its domain is typed back.
import { recordAudit } from '@/lib/audit/record-audit';
import type { Database } from '@/lib/db/client';
import { Invalid, NotFound } from '@/lib/errors';
import { forgetSite } from '@/lib/ingest/runtime';
import { requirePermission } from '@/lib/teams/permissions';

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
  await db.$transaction(async (tx) => {
    // Events, visits and goals go with the site (ON DELETE CASCADE); nothing of them is kept.
    await tx.site.delete({ where: { id: site.id } });
    await recordAudit(tx, {
      teamId: site.teamId,
      actorId: actor.userId,
      action: 'site.delete',
      targetType: 'site',
      targetId: site.id,
      metadata: { domain: site.domain },
    });
  });
  forgetSite(site.domain);
  return { domain: site.domain };
}
