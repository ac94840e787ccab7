// Sites and goals endpoints: /api/v1/sites[/{siteId}[/goals[/{goalId}]]].
import { siteSettingsSchema } from '@/lib/sites/update-site';

import { runEndpoint, type ApiDeps } from '../endpoint';
import {
  createGoalSchema,
  createSharedLinkSchema,
  createSiteSchema,
  createTeamGoal,
  createTeamSharedLink,
  deleteTeamSharedLink,
  listTeamSharedLinks,
  createTeamSite,
  deleteTeamGoal,
  deleteTeamSite,
  getTeamSite,
  listTeamGoals,
  listTeamSites,
  updateTeamSite,
} from '../sites-api';

export const listSites = (request: Request, deps: ApiDeps) =>
  runEndpoint(request, deps, { scope: 'sites:read' }, async ({ db, context }) => ({
    body: { sites: await listTeamSites(db, context) },
  }));

export const createSite = (request: Request, deps: ApiDeps) =>
  runEndpoint(request, deps, { scope: 'sites:write', body: createSiteSchema }, async ({ db, context, body }) => ({
    status: 201,
    body: await createTeamSite(db, context, body),
  }));

export const getSite = (request: Request, deps: ApiDeps, siteId: string) =>
  runEndpoint(request, deps, { scope: 'sites:read' }, async ({ db, context }) => ({
    body: await getTeamSite(db, context, siteId),
  }));

export const updateSite = (request: Request, deps: ApiDeps, siteId: string) =>
  runEndpoint(request, deps, { scope: 'sites:write', body: siteSettingsSchema }, async ({ db, context, body }) => ({
    body: await updateTeamSite(db, context, siteId, body),
  }));

export const deleteSite = (request: Request, deps: ApiDeps, siteId: string) =>
  runEndpoint(request, deps, { scope: 'sites:write' }, async ({ db, context }) => {
    await deleteTeamSite(db, context, siteId);
    return { body: null };
  });

export const listGoals = (request: Request, deps: ApiDeps, siteId: string) =>
  runEndpoint(request, deps, { scope: 'sites:read' }, async ({ db, context }) => ({
    body: { goals: await listTeamGoals(db, context, siteId) },
  }));

export const createGoal = (request: Request, deps: ApiDeps, siteId: string) =>
  runEndpoint(request, deps, { scope: 'sites:write', body: createGoalSchema }, async ({ db, context, body }) => ({
    status: 201,
    body: await createTeamGoal(db, context, siteId, body),
  }));

export const deleteGoal = (request: Request, deps: ApiDeps, siteId: string, goalId: string) =>
  runEndpoint(request, deps, { scope: 'sites:write' }, async ({ db, context }) => {
    await deleteTeamGoal(db, context, siteId, goalId);
    return { body: null };
  });

// Shared links reveal the site's statistics to whoever holds their URL: reading them needs sites:write too.
export const listSharedLinks = (request: Request, deps: ApiDeps, siteId: string) =>
  runEndpoint(request, deps, { scope: 'sites:write' }, async ({ db, context }) => ({
    body: { sharedLinks: await listTeamSharedLinks(db, context, siteId) },
  }));

export const createSharedLink = (request: Request, deps: ApiDeps, siteId: string) =>
  runEndpoint(request, deps, { scope: 'sites:write', body: createSharedLinkSchema }, async ({ db, context, body }) => ({
    status: 201,
    body: await createTeamSharedLink(db, context, siteId, body),
  }));

export const deleteSharedLink = (request: Request, deps: ApiDeps, siteId: string, linkId: string) =>
  runEndpoint(request, deps, { scope: 'sites:write' }, async ({ db, context }) => {
    await deleteTeamSharedLink(db, context, siteId, linkId);
    return { body: null };
  });
