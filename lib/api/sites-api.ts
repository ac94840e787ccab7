// The sites and goals an API token's team owns: list, create, change, delete. Thin over lib/sites,
// with the token as the team's actor (audit rows name the token, not a person).
import { z } from 'zod';

import type { Database } from '@/lib/db/client';
import { NotFound } from '@/lib/errors';
import { removeSite } from '@/lib/sites/delete-site';
import { goalInputSchema, insertGoal, removeGoal } from '@/lib/sites/goals';
import { insertSite } from '@/lib/sites/create-site';
import { siteInputSchema } from '@/lib/sites/site-input';
import type { TeamActor } from '@/lib/sites/team-actor';
import { updateSite, type SiteSettings } from '@/lib/sites/update-site';

import { config } from '@/lib/config';
import {
  insertSharedLink,
  listSharedLinks,
  removeSharedLink,
  sharedLinkInputSchema,
} from '@/lib/sharing/manage-shared-links';

import type { ApiContext } from './authenticate-token';

export const apiSiteSchema = z.object({
  id: z.string(),
  domain: z.string(),
  timezone: z.string(),
  respectDoNotTrack: z.boolean(),
  collectCityLevel: z.boolean(),
  excludedPaths: z.array(z.string()),
  allowedQueryParams: z.array(z.string()),
  createdAt: z.iso.datetime(),
});
export type ApiSite = z.infer<typeof apiSiteSchema>;

export const apiGoalSchema = z.object({
  id: z.string(),
  kind: z.enum(['EVENT', 'PAGEVIEW']),
  eventName: z.string().nullable(),
  pathPattern: z.string().nullable(),
  displayName: z.string(),
});

export const apiSharedLinkSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** The public dashboard; whoever has it sees the site's statistics (unless a password protects it). */
  url: z.string(),
  passwordProtected: z.boolean(),
  allowEmbed: z.boolean(),
  createdAt: z.iso.datetime(),
});
export type ApiSharedLink = z.infer<typeof apiSharedLinkSchema>;

export const createSharedLinkSchema = sharedLinkInputSchema;

export const createSiteSchema = siteInputSchema.omit({ teamId: true });
export const createGoalSchema = goalInputSchema;

const SITE_SELECT = {
  id: true,
  domain: true,
  timezone: true,
  respectDoNotTrack: true,
  collectCityLevel: true,
  excludedPaths: true,
  allowedQueryParams: true,
  createdAt: true,
} as const;

const asApiSite = <T extends { createdAt: Date }>(site: T) => ({ ...site, createdAt: site.createdAt.toISOString() });

const actorOf = (context: ApiContext): TeamActor => ({
  teamId: context.teamId,
  userId: null,
  apiTokenId: context.tokenId,
});

export async function listTeamSites(db: Database, context: ApiContext): Promise<ApiSite[]> {
  const sites = await db.site.findMany({
    where: { teamId: context.teamId },
    select: SITE_SELECT,
    orderBy: { domain: 'asc' },
  });
  return sites.map(asApiSite);
}

/** A site of the token's team; any other id (another team's included) is "not found". */
export async function findTeamSite(db: Database, context: ApiContext, siteId: string) {
  const site = await db.site.findFirst({ where: { id: siteId, teamId: context.teamId }, select: SITE_SELECT });
  if (!site) throw new NotFound('Site not found');
  return site;
}

export async function getTeamSite(db: Database, context: ApiContext, siteId: string): Promise<ApiSite> {
  return asApiSite(await findTeamSite(db, context, siteId));
}

export async function createTeamSite(
  db: Database,
  context: ApiContext,
  input: z.output<typeof createSiteSchema>,
): Promise<ApiSite> {
  const { id } = await insertSite(db, actorOf(context), input);
  return getTeamSite(db, context, id);
}

export async function updateTeamSite(
  db: Database,
  context: ApiContext,
  siteId: string,
  settings: SiteSettings,
): Promise<ApiSite> {
  await updateSite(db, actorOf(context), siteId, settings);
  return getTeamSite(db, context, siteId);
}

export async function deleteTeamSite(db: Database, context: ApiContext, siteId: string): Promise<void> {
  const site = await findTeamSite(db, context, siteId);
  await removeSite(db, actorOf(context), site);
}

export async function listTeamGoals(db: Database, context: ApiContext, siteId: string) {
  await findTeamSite(db, context, siteId);
  return db.goal.findMany({
    where: { siteId, site: { teamId: context.teamId } },
    select: { id: true, kind: true, eventName: true, pathPattern: true, displayName: true },
    orderBy: { displayName: 'asc' },
  });
}

export async function createTeamGoal(
  db: Database,
  context: ApiContext,
  siteId: string,
  input: z.output<typeof createGoalSchema>,
) {
  const { id } = await insertGoal(db, actorOf(context), siteId, input);
  const goals = await listTeamGoals(db, context, siteId);
  return goals.find((goal) => goal.id === id)!;
}

export async function deleteTeamGoal(db: Database, context: ApiContext, siteId: string, goalId: string) {
  await removeGoal(db, actorOf(context), siteId, goalId);
}

const shareUrl = (slug: string) => new URL(`/share/${slug}`, config().APP_URL).toString();

export async function listTeamSharedLinks(db: Database, context: ApiContext, siteId: string): Promise<ApiSharedLink[]> {
  await findTeamSite(db, context, siteId);
  const links = await listSharedLinks(db, siteId);
  return links.map(({ slug, createdAt, ...link }) => ({
    ...link,
    url: shareUrl(slug),
    createdAt: createdAt.toISOString(),
  }));
}

export async function createTeamSharedLink(
  db: Database,
  context: ApiContext,
  siteId: string,
  input: z.output<typeof createSharedLinkSchema>,
): Promise<ApiSharedLink> {
  const { id } = await insertSharedLink(db, actorOf(context), siteId, input);
  return (await listTeamSharedLinks(db, context, siteId)).find((link) => link.id === id)!;
}

export async function deleteTeamSharedLink(db: Database, context: ApiContext, siteId: string, linkId: string) {
  await removeSharedLink(db, actorOf(context), siteId, linkId);
}
