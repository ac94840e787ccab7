// Stats endpoints: POST/GET /api/v1/stats/query and Plausible-compatible POST /api/v2/query.
import { Invalid } from '@/lib/errors';
import { countCurrentVisitors } from '@/lib/stats/realtime';

import { invalidFrom } from '../api-response';
import { runEndpoint, type ApiDeps } from '../endpoint';
import { runV2Query, v2QuerySchema } from '../plausible-v2';
import { findTeamSite } from '../sites-api';
import { queryStatsForToken, statsRequestSchema, statsResponse } from '../stats-api';

export function postStatsQuery(request: Request, deps: ApiDeps) {
  return runEndpoint(
    request,
    deps,
    { scope: 'stats:read', body: statsRequestSchema },
    async ({ db, context, body, now }) => {
      const { site, result } = await queryStatsForToken(db, context, body, now);
      return { body: statsResponse(site, result) };
    },
  );
}

/**
 * The same question in the query string: lists comma-separated, `filters` as JSON, a custom range as
 * `from` and `to`. Handy with curl; POST takes everything.
 */
export function searchToStatsRequest(url: URL): unknown {
  const get = (name: string) => url.searchParams.get(name) ?? undefined;
  const list = (name: string) => get(name)?.split(',').filter(Boolean);
  const number = (name: string) => (get(name) === undefined ? undefined : Number(get(name)));
  let filters: unknown;
  if (get('filters') !== undefined) {
    try {
      filters = JSON.parse(get('filters')!);
    } catch {
      throw new Invalid('filters must be JSON, e.g. [{"dimension":"country","operator":"is","values":["DE"]}].');
    }
  }
  const from = get('from');
  const to = get('to');
  return {
    siteId: get('siteId'),
    metrics: list('metrics'),
    dimensions: list('dimensions'),
    granularity: get('granularity'),
    filters,
    dateRange: from || to ? { from, to } : get('dateRange'),
    compare: get('compare') === undefined ? undefined : get('compare') === 'true',
    orderBy: get('orderBy') ? { metric: get('orderBy'), direction: get('direction') } : undefined,
    search: get('search'),
    limit: number('limit'),
    offset: number('offset'),
  };
}

export function getStatsQuery(request: Request, deps: ApiDeps) {
  return runEndpoint(request, deps, { scope: 'stats:read' }, async ({ db, context, url, now }) => {
    const parsed = statsRequestSchema.safeParse(searchToStatsRequest(url));
    if (!parsed.success) throw invalidFrom(parsed.error);
    const { site, result } = await queryStatsForToken(db, context, parsed.data, now);
    return { body: statsResponse(site, result) };
  });
}

export function postV2Query(request: Request, deps: ApiDeps) {
  return runEndpoint(
    request,
    deps,
    { scope: 'stats:read', body: v2QuerySchema },
    async ({ db, context, body, now }) => ({
      body: await runV2Query(db, context, body, now),
    }),
  );
}

export function getRealtime(request: Request, deps: ApiDeps, siteId: string) {
  return runEndpoint(request, deps, { scope: 'stats:read' }, async ({ db, context, now }) => {
    const site = await findTeamSite(db, context, siteId);
    return { body: { siteId: site.id, visitors: await countCurrentVisitors(db, site.id, now) } };
  });
}
