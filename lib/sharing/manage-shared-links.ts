// Shared links of a site: a public, read-only dashboard at /share/<slug>, optionally behind a password,
// optionally embeddable in other sites. Managed by whoever may manage the site; revoking deletes the
// row, so the link answers 404 at once.
import { randomBytes } from 'node:crypto';

import { z } from 'zod';

import { recordAudit } from '@/lib/audit/record-audit';
import { hashPassword } from '@/lib/auth/password';
import type { Database } from '@/lib/db/client';
import { Prisma } from '@/lib/db/generated/client';
import { Conflict, Invalid, NotFound } from '@/lib/errors';
import { auditedBy, type TeamActor } from '@/lib/sites/team-actor';
import { requirePermission } from '@/lib/teams/permissions';

export const sharedLinkInputSchema = z
  .object({
    name: z.string().trim().min(1, 'Give the link a name, e.g. “Investors”.').max(80, 'At most 80 characters.'),
    password: z
      .string()
      .max(200, 'At most 200 characters.')
      .refine((value) => value === '' || value.length >= 8, 'Use at least 8 characters, or leave it empty.')
      .default(''),
    allowEmbed: z.boolean().default(false),
  })
  .refine((input) => !(input.allowEmbed && input.password), {
    // A password is remembered by a cookie, and browsers block cookies in cross-site iframes.
    path: ['allowEmbed'],
    message: 'A password-protected link cannot be embedded: browsers block its cookie inside other sites.',
  });

export type SharedLinkInput = z.input<typeof sharedLinkInputSchema>;

/** 128 random bits, URL-safe: guessing a slug is hopeless. */
export function newSlug(): string {
  return randomBytes(16).toString('base64url');
}

async function manageableSite(db: Database, actor: { userId: string }, siteId: string) {
  const site = await db.site.findUnique({ where: { id: siteId }, select: { id: true, teamId: true } });
  if (!site) throw new NotFound('Site not found');
  await requirePermission(db, actor.userId, site.teamId, 'sites:manage');
  return site;
}

export async function createSharedLink(db: Database, actor: { userId: string }, siteId: string, input: unknown) {
  const parsed = parseSharedLinkInput(input);
  const site = await manageableSite(db, actor, siteId);
  return insertSharedLink(db, { teamId: site.teamId, userId: actor.userId }, site.id, parsed);
}

export async function revokeSharedLink(db: Database, actor: { userId: string }, siteId: string, linkId: string) {
  const site = await manageableSite(db, actor, siteId);
  await removeSharedLink(db, { teamId: site.teamId, userId: actor.userId }, site.id, linkId);
}

export function parseSharedLinkInput(input: unknown): z.output<typeof sharedLinkInputSchema> {
  const parsed = sharedLinkInputSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  const fieldErrors = Object.fromEntries(parsed.error.issues.map((issue) => [String(issue.path[0]), issue.message]));
  throw new Invalid('Please correct the shared link', fieldErrors);
}

/** For an actor already allowed to manage the team's sites (a member, or a token with sites:write). */
export async function insertSharedLink(
  db: Database,
  actor: TeamActor,
  siteId: string,
  input: z.output<typeof sharedLinkInputSchema>,
) {
  const site = await db.site.findFirst({ where: { id: siteId, teamId: actor.teamId }, select: { id: true } });
  if (!site) throw new NotFound('Site not found');
  const { name, password, allowEmbed } = input;
  const passwordHash = password ? await hashPassword(password) : null;
  try {
    return await db.$transaction(async (tx) => {
      const link = await tx.sharedLink.create({
        data: { siteId: site.id, slug: newSlug(), name, passwordHash, allowEmbed },
        select: { id: true, slug: true, name: true },
      });
      await recordAudit(tx, {
        ...auditedBy(actor, { siteId: site.id, name, passwordProtected: Boolean(passwordHash), allowEmbed }),
        action: 'shared_link.create',
        targetType: 'shared_link',
        targetId: link.id,
      });
      return link;
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
      throw new Conflict(`The site already has a shared link named “${name}”.`);
    }
    throw error;
  }
}

export async function removeSharedLink(db: Database, actor: TeamActor, siteId: string, linkId: string) {
  await db.$transaction(async (tx) => {
    const { count } = await tx.sharedLink.deleteMany({
      where: { id: linkId, siteId, site: { teamId: actor.teamId } },
    });
    if (count === 0) throw new NotFound('Shared link not found');
    await recordAudit(tx, {
      ...auditedBy(actor, { siteId }),
      action: 'shared_link.revoke',
      targetType: 'shared_link',
      targetId: linkId,
    });
  });
}

/** The site's links for its settings page (callers have checked the user may see the site). */
export async function listSharedLinks(db: Database, siteId: string) {
  const links = await db.sharedLink.findMany({
    where: { siteId },
    select: { id: true, slug: true, name: true, passwordHash: true, allowEmbed: true, createdAt: true },
    orderBy: { createdAt: 'asc' },
  });
  return links.map(({ passwordHash, ...link }) => ({ ...link, passwordProtected: passwordHash !== null }));
}
