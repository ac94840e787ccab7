// Changes a site's settings (time zone, privacy switches, excluded paths, kept query parameters).
// The domain is not changeable: trackers name the site by it. Ingest's site cache is told at once.
import { z } from 'zod';

import { recordAudit } from '@/lib/audit/record-audit';
import type { Database } from '@/lib/db/client';
import { NotFound } from '@/lib/errors';
import { forgetSite } from '@/lib/ingest/runtime';
import { forgetRollups } from '@/lib/stats/rollups/forget-rollups';

import { siteInputSchema } from './site-input';
import { auditedBy, type TeamActor } from './team-actor';

export const siteSettingsSchema = z
  .object({
    timezone: siteInputSchema.shape.timezone,
    respectDoNotTrack: z.boolean(),
    collectCityLevel: z.boolean(),
    excludedPaths: z
      .array(
        z
          .string()
          .trim()
          .regex(/^\/[^\s?#]*$/, 'A path pattern starts with / and has no spaces, ? or #.')
          .max(500),
      )
      .max(50),
    allowedQueryParams: z
      .array(
        z
          .string()
          .trim()
          .regex(/^[\w.-]{1,64}$/, 'A query parameter name is letters, digits, _ . or -.'),
      )
      .max(20),
  })
  .partial()
  .refine((settings) => Object.keys(settings).length > 0, { error: 'Change at least one setting.' });
export type SiteSettings = z.output<typeof siteSettingsSchema>;

export async function updateSite(db: Database, actor: TeamActor, siteId: string, settings: SiteSettings) {
  return db.$transaction(async (tx) => {
    const site = await tx.site.findFirst({
      where: { id: siteId, teamId: actor.teamId },
      select: { domain: true, timezone: true },
    });
    if (!site) throw new NotFound('Site not found');
    const updated = await tx.site.update({ where: { id: siteId }, data: settings, select: { domain: true } });
    // Rollups are cut by local dates: in another time zone they would count the wrong days.
    if (settings.timezone && settings.timezone !== site.timezone) await forgetRollups(tx, siteId);
    await recordAudit(tx, {
      ...auditedBy(actor, { domain: site.domain, changed: Object.keys(settings) }),
      action: 'site.update',
      targetType: 'site',
      targetId: siteId,
    });
    forgetSite(updated.domain);
  });
}
