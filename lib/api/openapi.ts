// The OpenAPI 3.1 document of the public API, generated from the zod schemas that validate the
// requests (z.toJSONSchema): the reference can never drift from what the endpoints accept.
import { z } from 'zod';

import { apiErrorSchema } from './api-response';
import { eventRequestSchema, eventResponseSchema } from './events-api';
import { v2QuerySchema, v2ResponseSchema } from './plausible-v2';
import { API_LIMITS } from './rate-limit';
import { API_SCOPES, SCOPE_DESCRIPTIONS, type ApiScope } from './scopes';
import {
  apiGoalSchema,
  apiSharedLinkSchema,
  apiSiteSchema,
  createGoalSchema,
  createSharedLinkSchema,
  createSiteSchema,
} from './sites-api';
import { statsRequestSchema, statsResponseSchema } from './stats-api';
import { siteSettingsSchema } from '@/lib/sites/update-site';

/** Request bodies are described as clients send them (defaults optional); answers as sent. */
const requests = {
  StatsQuery: statsRequestSchema,
  PlausibleV2Query: v2QuerySchema,
  CreateSite: createSiteSchema,
  UpdateSite: siteSettingsSchema,
  CreateGoal: createGoalSchema,
  CreateSharedLink: createSharedLinkSchema,
  ServerEvent: eventRequestSchema,
};
const responses = {
  Error: apiErrorSchema,
  StatsResult: statsResponseSchema,
  PlausibleV2Result: v2ResponseSchema,
  Site: apiSiteSchema,
  Goal: apiGoalSchema,
  EventOutcome: eventResponseSchema,
  SiteList: z.object({ sites: z.array(apiSiteSchema) }),
  GoalList: z.object({ goals: z.array(apiGoalSchema) }),
  SharedLink: apiSharedLinkSchema,
  SharedLinkList: z.object({ sharedLinks: z.array(apiSharedLinkSchema) }),
  Realtime: z.object({ siteId: z.string(), visitors: z.number().int() }),
};

type SchemaName = keyof typeof requests | keyof typeof responses;

function componentSchemas(schemas: Record<string, z.ZodType>, io: 'input' | 'output') {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(schemas)) registry.add(schema, { id });
  const { schemas: converted } = z.toJSONSchema(registry, {
    io,
    target: 'draft-2020-12',
    uri: (id) => `#/components/schemas/${id}`,
  });
  // Components are addressed by their place in the document, not by $id (fragment-only ids are not allowed).
  for (const schema of Object.values(converted)) {
    delete schema.$schema;
    delete schema.$id;
  }
  return converted;
}

const ref = (name: SchemaName) => ({ $ref: `#/components/schemas/${name}` });
const json = (name: SchemaName) => ({ content: { 'application/json': { schema: ref(name) } } });

const ERRORS = {
  '400': { description: 'The request is not valid (the message says why).', ...json('Error') },
  '401': { description: 'No token, or a token that is unknown, expired or revoked.', ...json('Error') },
  '403': { description: 'The token lacks the scope, or the team’s plan lacks the API.', ...json('Error') },
  '404': { description: 'No such site or goal in the token’s team.', ...json('Error') },
  '429': {
    description: 'The token’s rate limit was reached.',
    headers: {
      'Retry-After': { schema: { type: 'integer' }, description: 'Seconds to wait.' },
    },
    ...json('Error'),
  },
};

const siteId = { name: 'siteId', in: 'path', required: true, schema: { type: 'string' } } as const;

function operation(
  scope: ApiScope,
  summary: string,
  success: Record<string, unknown>,
  extra: Record<string, unknown> = {},
) {
  return {
    summary,
    description: `Needs the \`${scope}\` scope.`,
    'x-required-scope': scope,
    security: [{ bearerToken: [scope] }],
    ...extra,
    responses: { ...success, ...ERRORS },
  };
}

const ok = (name: SchemaName, status = '200', description = 'Done.') => ({ [status]: { description, ...json(name) } });
const body = (name: SchemaName) => ({ requestBody: { required: true, ...json(name) } });

export function openApiDocument(appUrl: string) {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Glance API',
      version: '1.0.0',
      description: [
        'Read statistics, manage sites, goals and shared links, and send server-side events with a team API token.',
        `Send the token as \`Authorization: Bearer glc_…\`. Each token may make ${API_LIMITS.requests.points} requests per ${API_LIMITS.requests.duration} seconds (events: ${API_LIMITS.events.points} per second); answers carry RateLimit-Limit, RateLimit-Remaining and RateLimit-Reset, and a 429 carries Retry-After.`,
        'Errors are `{ "error": { "code", "message", "fieldErrors"? } }`. Cross-origin browser requests are not allowed (no CORS): call the API from your servers.',
      ].join('\n\n'),
    },
    servers: [{ url: appUrl.replace(/\/$/, '') }],
    security: [{ bearerToken: [] }],
    components: {
      securitySchemes: {
        bearerToken: {
          type: 'http',
          scheme: 'bearer',
          description: `A team API token (glc_…). Scopes: ${API_SCOPES.map((scope) => `\`${scope}\` (${SCOPE_DESCRIPTIONS[scope]})`).join(', ')}.`,
        },
      },
      schemas: { ...componentSchemas(requests, 'input'), ...componentSchemas(responses, 'output') },
    },
    paths: {
      '/api/v1/stats/query': {
        post: operation('stats:read', 'Query statistics', ok('StatsResult'), {
          operationId: 'queryStats',
          ...body('StatsQuery'),
        }),
        get: operation('stats:read', 'Query statistics (query-string form)', ok('StatsResult'), {
          operationId: 'queryStatsGet',
          parameters: [
            'siteId',
            'metrics',
            'dimensions',
            'granularity',
            'dateRange',
            'from',
            'to',
            'filters',
            'compare',
            'orderBy',
            'direction',
            'search',
            'limit',
            'offset',
          ].map((name) => ({
            name,
            in: 'query',
            required: name === 'siteId' || name === 'metrics',
            schema: { type: 'string' },
          })),
        }),
      },
      '/api/v2/query': {
        post: operation('stats:read', 'Query statistics in Plausible’s Stats API v2 shape', ok('PlausibleV2Result'), {
          operationId: 'queryStatsPlausibleV2',
          ...body('PlausibleV2Query'),
        }),
      },
      '/api/v1/sites': {
        get: operation('sites:read', 'List the team’s sites', ok('SiteList'), { operationId: 'listSites' }),
        post: operation('sites:write', 'Add a site', ok('Site', '201', 'Created.'), {
          operationId: 'createSite',
          ...body('CreateSite'),
        }),
      },
      '/api/v1/sites/{siteId}': {
        parameters: [siteId],
        get: operation('sites:read', 'Get a site', ok('Site'), { operationId: 'getSite' }),
        patch: operation('sites:write', 'Change a site’s settings', ok('Site'), {
          operationId: 'updateSite',
          ...body('UpdateSite'),
        }),
        delete: operation(
          'sites:write',
          'Delete a site and all its data',
          { '204': { description: 'Deleted.' } },
          {
            operationId: 'deleteSite',
          },
        ),
      },
      '/api/v1/sites/{siteId}/realtime': {
        parameters: [siteId],
        get: operation('stats:read', 'Visitors in the last five minutes', ok('Realtime'), {
          operationId: 'getRealtime',
        }),
      },
      '/api/v1/sites/{siteId}/goals': {
        parameters: [siteId],
        get: operation('sites:read', 'List a site’s goals', ok('GoalList'), { operationId: 'listGoals' }),
        post: operation('sites:write', 'Add a goal', ok('Goal', '201', 'Created.'), {
          operationId: 'createGoal',
          ...body('CreateGoal'),
        }),
      },
      '/api/v1/sites/{siteId}/goals/{goalId}': {
        parameters: [siteId, { name: 'goalId', in: 'path', required: true, schema: { type: 'string' } }],
        delete: operation(
          'sites:write',
          'Delete a goal',
          { '204': { description: 'Deleted.' } },
          {
            operationId: 'deleteGoal',
          },
        ),
      },
      '/api/v1/sites/{siteId}/shared-links': {
        parameters: [siteId],
        get: operation(
          'sites:write',
          'List a site’s shared links (public read-only dashboards)',
          ok('SharedLinkList'),
          {
            operationId: 'listSharedLinks',
          },
        ),
        post: operation('sites:write', 'Create a shared link', ok('SharedLink', '201', 'Created.'), {
          operationId: 'createSharedLink',
          ...body('CreateSharedLink'),
        }),
      },
      '/api/v1/sites/{siteId}/shared-links/{linkId}': {
        parameters: [siteId, { name: 'linkId', in: 'path', required: true, schema: { type: 'string' } }],
        delete: operation(
          'sites:write',
          'Revoke a shared link (its URL answers 404 from then on)',
          { '204': { description: 'Revoked.' } },
          { operationId: 'deleteSharedLink' },
        ),
      },
      '/api/v1/events': {
        post: operation(
          'events:write',
          'Record an event from your server',
          ok('EventOutcome', '202', 'Accepted, or dropped for the reason given (nothing stored).'),
          { operationId: 'recordEvent', ...body('ServerEvent') },
        ),
      },
    },
  };
}
