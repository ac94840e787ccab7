// A site's collection settings: excluded paths, Do Not Track, city-level location, kept query
// parameters. Managed by whoever may manage the site; a change reaches ingest at once (the ingest
// cache forgets the site) and is audit-logged with what changed.
import { z } from 'zod';

import { recordAudit } from '@/lib/audit/record-audit';
import type { Database } from '@/lib/db/client';
import { Invalid, NotFound } from '@/lib/errors';
import { forgetSite } from '@/lib/ingest/runtime';
import { requirePermission } from '@/lib/teams/permissions';

const MAX_PATTERNS = 50;
const MAX_PARAMS = 20;

/** One entry per line (or comma), blanks dropped, duplicates removed, order kept. */
const list = (max: number, item: z.ZodString, what: string) =>
  z
    .union([z.string(), z.array(z.string())])
    .transform((value) =>
      (Array.isArray(value) ? value : value.split(/[\n,]/)).map((entry) => entry.trim()).filter(Boolean),
    )
    .transform((entries) => [...new Set(entries)])
    .pipe(z.array(item).max(max, `At most ${max} ${what}.`));

export const siteSettingsSchema = z.object({
  excludedPaths: list(
    MAX_PATTERNS,
    z
      .string()
      .max(200, 'A pattern has at most 200 characters.')
      .regex(/^\/[^\s?#]*$/, 'Each pattern starts with / and has no spaces, ? or #, e.g. /admin/** or /preview/*.'),
    'patterns',
  ),
  allowedQueryParams: list(
    MAX_PARAMS,
    z
      .string()
      .max(60, 'A parameter name has at most 60 characters.')
      .regex(/^[\w.\-[\]]+$/, 'Parameter names are letters, digits and _ . - [ ] only, e.g. q or page.'),
    'parameters',
  ),
  respectDoNotTrack: z.boolean(),
  collectCityLevel: z.boolean(),
});

export type SiteSettings = z.output<typeof siteSettingsSchema>;
export type SiteSettingsInput = z.input<typeof siteSettingsSchema>;

const SELECT = { excludedPaths: true, allowedQueryParams: true, respectDoNotTrack: true, collectCityLevel: true };

export async function readSiteSettings(db: Database, siteId: string): Promise<SiteSettings | null> {
  return db.site.findUnique({ where: { id: siteId }, select: SELECT });
}

export async function updateSiteSettings(
  db: Database,
  actor: { userId: string },
  siteId: string,
  input: unknown,
): Promise<SiteSettings> {
  const parsed = siteSettingsSchema.safeParse(input);
  if (!parsed.success) {
    const fieldErrors: Record<string, string> = {};
    for (const issue of parsed.error.issues) fieldErrors[String(issue.path[0])] ??= issue.message;
    throw new Invalid('Please correct the settings', fieldErrors);
  }
  const site = await db.site.findUnique({ where: { id: siteId }, select: { id: true, teamId: true, domain: true } });
  if (!site) throw new NotFound('Site not found');
  await requirePermission(db, actor.userId, site.teamId, 'sites:manage');
  const settings = parsed.data;
  const updated = await db.$transaction(async (tx) => {
    const before = await tx.site.findUniqueOrThrow({ where: { id: site.id }, select: SELECT });
    const after = await tx.site.update({ where: { id: site.id }, data: settings, select: SELECT });
    const changed = (Object.keys(SELECT) as (keyof SiteSettings)[]).filter(
      (key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]),
    );
    if (changed.length > 0) {
      await recordAudit(tx, {
        teamId: site.teamId,
        actorId: actor.userId,
        action: 'site.settings_update',
        targetType: 'site',
        targetId: site.id,
        metadata: Object.fromEntries(changed.map((key) => [key, after[key]])),
      });
    }
    return after;
  });
  // This process's ingest stops using the old settings now; other instances within 30 s (cache TTL).
  forgetSite(site.domain);
  return updated;
}
