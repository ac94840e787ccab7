// The MCP server (Model Context Protocol, Streamable HTTP, stateless: one server per request) behind
// POST /api/mcp. It authenticates like the REST API (bearer token, per-token rate limit) and offers only
// the tools the token's scopes allow (read-only, plus goal and shared-link tools with sites:write); every
// tool calls the same lib/ functions as the REST endpoints.
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';

import type { Database } from '@/lib/db/client';
import { AppError } from '@/lib/errors';
import { log } from '@/lib/log';
import { countCurrentVisitors } from '@/lib/stats/realtime';
import { statsQuerySchema } from '@/lib/stats/query/schema';

import { apiError, apiErrorResponse, invalidFrom } from './api-response';
import { authenticateToken, MissingScope, type ApiContext } from './authenticate-token';
import { consumeApiLimit } from './rate-limit';
import { readJsonBody, type ApiDeps } from './endpoint';
import {
  createGoalSchema,
  createSharedLinkSchema,
  createTeamGoal,
  createTeamSharedLink,
  deleteTeamGoal,
  deleteTeamSharedLink,
  findTeamSite,
  listTeamGoals,
  listTeamSharedLinks,
  listTeamSites,
} from './sites-api';
import { queryStatsForToken, statsResponse } from './stats-api';

export const MCP_MAX_BODY_BYTES = 64 * 1024;
const READ_ONLY = { readOnlyHint: true, openWorldHint: false } as const;

const text = (value: unknown): CallToolResult => ({
  content: [{ type: 'text', text: JSON.stringify(value, null, 2) }],
});

/**
 * Tool errors go back to the model as text: the safe message of a typed error, or a generic one (the
 * SDK would otherwise pass any exception's own message on, which may name SQL or internals).
 */
async function answer(run: () => Promise<unknown>): Promise<CallToolResult> {
  try {
    return text(await run());
  } catch (error) {
    if (error instanceof AppError) return { isError: true, content: [{ type: 'text', text: error.message }] };
    log.error({ err: error instanceof Error ? error.name : 'unknown' }, 'unexpected error in an MCP tool');
    return { isError: true, content: [{ type: 'text', text: 'Something went wrong. Please try again.' }] };
  }
}

export function createMcpServer(db: Database, context: ApiContext, now: () => Date): McpServer {
  const server = new McpServer({ name: 'glance', version: '1.0.0' });
  const siteId = z.string().min(1).max(64).describe('The site’s id, from list_sites.');
  if (context.scopes.includes('sites:read')) {
    server.registerTool(
      'list_sites',
      {
        description: 'The sites of the team this token belongs to: id, domain, time zone and settings.',
        annotations: READ_ONLY,
      },
      () => answer(async () => ({ sites: await listTeamSites(db, context) })),
    );
    server.registerTool(
      'list_goals',
      { description: 'The goals (conversions) defined for a site.', inputSchema: { siteId }, annotations: READ_ONLY },
      ({ siteId }) => answer(async () => ({ goals: await listTeamGoals(db, context, siteId) })),
    );
  }
  if (context.scopes.includes('stats:read')) {
    server.registerTool(
      'query_stats',
      {
        description:
          'Statistics of a site: metrics, optionally broken down by one dimension and/or cut into time buckets, over a date range, with filters. The same question shape as POST /api/v1/stats/query and the dashboard.',
        inputSchema: { siteId, ...statsQuerySchema.shape },
        annotations: READ_ONLY,
      },
      ({ siteId, ...query }) =>
        answer(async () => {
          const { site, result } = await queryStatsForToken(db, context, { siteId, ...query }, now());
          return statsResponse(site, result);
        }),
    );
    server.registerTool(
      'get_realtime_visitors',
      {
        description: 'How many visitors were active on a site in the last five minutes.',
        inputSchema: { siteId },
        annotations: READ_ONLY,
      },
      ({ siteId }) =>
        answer(async () => {
          const site = await findTeamSite(db, context, siteId);
          return { siteId: site.id, visitors: await countCurrentVisitors(db, site.id, now()) };
        }),
    );
  }
  if (context.scopes.includes('sites:write')) {
    // Writes only with the write scope; the REST API's own validation and audit trail apply.
    server.registerTool(
      'create_goal',
      {
        description:
          'Add a goal to a site: kind EVENT with eventName (a custom event), or kind PAGEVIEW with pathPattern (e.g. /signup/**).',
        inputSchema: {
          siteId,
          kind: z.enum(['EVENT', 'PAGEVIEW']),
          eventName: z.string().optional(),
          pathPattern: z.string().optional(),
        },
        annotations: { readOnlyHint: false, destructiveHint: false, openWorldHint: false },
      },
      ({ siteId, ...goal }) =>
        answer(async () => {
          const parsed = createGoalSchema.safeParse(goal);
          if (!parsed.success) throw invalidFrom(parsed.error, 'The goal is not valid');
          return createTeamGoal(db, context, siteId, parsed.data);
        }),
    );
    server.registerTool(
      'delete_goal',
      {
        description: 'Delete a goal of a site (its past conversions stay in the events).',
        inputSchema: { siteId, goalId: z.string().min(1).max(64) },
        annotations: { readOnlyHint: false, destructiveHint: true, openWorldHint: false },
      },
      ({ siteId, goalId }) =>
        answer(async () => {
          await deleteTeamGoal(db, context, siteId, goalId);
          return { deleted: goalId };
        }),
    );
    // Like the REST API, even listing needs sites:write: a link's URL shows the site's statistics to anyone.
    server.registerTool(
      'list_shared_links',
      {
        description:
          'The shared links of a site: public, read-only dashboards at their url (some password-protected, some embeddable).',
        inputSchema: { siteId },
        annotations: READ_ONLY,
      },
      ({ siteId }) => answer(async () => ({ sharedLinks: await listTeamSharedLinks(db, context, siteId) })),
    );
    server.registerTool(
      'create_shared_link',
      {
        description:
          'Create a shared link: anyone with its url sees the site’s dashboard, read-only. A name (unique per site), optionally a password (at least 8 characters), or allowEmbed to let other websites show it in an iframe (not with a password).',
        inputSchema: {
          siteId,
          name: z.string(),
          password: z.string().optional(),
          allowEmbed: z.boolean().optional(),
        },
        annotations: { readOnlyHint: false, destructiveHint: false, openWorldHint: false },
      },
      ({ siteId, ...link }) =>
        answer(async () => {
          const parsed = createSharedLinkSchema.safeParse(link);
          if (!parsed.success) throw invalidFrom(parsed.error, 'The shared link is not valid');
          return createTeamSharedLink(db, context, siteId, parsed.data);
        }),
    );
    server.registerTool(
      'delete_shared_link',
      {
        description: 'Revoke a shared link of a site: its url stops working at once.',
        inputSchema: { siteId, linkId: z.string().min(1).max(64) },
        annotations: { readOnlyHint: false, destructiveHint: true, openWorldHint: false },
      },
      ({ siteId, linkId }) =>
        answer(async () => {
          await deleteTeamSharedLink(db, context, siteId, linkId);
          return { deleted: linkId };
        }),
    );
  }
  return server;
}

export async function handleMcpRequest(request: Request, deps: ApiDeps): Promise<Response> {
  // Stateless: no session to resume or end, and no server-initiated messages, so no GET stream or
  // DELETE (the transport specification allows 405 for both; clients then only POST).
  if (request.method !== 'POST') {
    return apiError(405, 'method_not_allowed', 'The MCP endpoint takes POST only.', { headers: { Allow: 'POST' } });
  }
  let limitHeaders: Record<string, string> = {};
  try {
    const now = () => deps.now?.() ?? new Date();
    const context = await authenticateToken(deps.db, request.headers.get('authorization'), now());
    limitHeaders = await consumeApiLimit(deps.limiters.requests, context.tokenId);
    if (!context.scopes.some((scope) => scope === 'stats:read' || scope === 'sites:read' || scope === 'sites:write')) {
      throw new MissingScope('stats:read');
    }
    // Read (size-capped) and parsed here, so oversized or broken bodies get the API's error shape.
    const parsedBody = await readJsonBody(request, MCP_MAX_BODY_BYTES);
    const server = createMcpServer(deps.db, context, now);
    // Stateless: no session id, plain JSON answers (no SSE stream to keep open in a route handler).
    const transport = new WebStandardStreamableHTTPServerTransport({
      sessionIdGenerator: undefined,
      enableJsonResponse: true,
    });
    await server.connect(transport);
    const response = await transport.handleRequest(request, { parsedBody });
    await server.close();
    const headers = new Headers(response.headers);
    for (const [name, value] of Object.entries(limitHeaders)) headers.set(name, value);
    headers.set('Cache-Control', 'no-store');
    return new Response(response.body, { status: response.status, headers });
  } catch (error) {
    return apiErrorResponse(error, limitHeaders);
  }
}
