// POST /api/v1/stats/query: a site id plus the very StatsQuery the dashboard sends to queryStats, so
// the API and the dashboard answer the same question with the same numbers.
import { z } from 'zod';

import type { Database } from '@/lib/db/client';
import { queryStats, type StatsResult } from '@/lib/stats/query/query-stats';
import { METRICS, statsQuerySchema } from '@/lib/stats/query/schema';

import type { ApiContext } from './authenticate-token';
import { findTeamSite } from './sites-api';

export const statsRequestSchema = z.intersection(
  z.object({ siteId: z.string().min(1).max(64).describe('The site’s id (GET /api/v1/sites).') }),
  statsQuerySchema,
);
export type StatsRequest = z.output<typeof statsRequestSchema>;

const metricValues = z.partialRecord(z.enum(METRICS), z.number().nullable());
const statsRowSchema = z.object({
  bucket: z.string().nullable().describe('Start of the time bucket in the site’s time zone, with a granularity.'),
  value: z.string().nullable().describe('The dimension’s value, with a dimension.'),
  metrics: metricValues,
});

export const statsResponseSchema = z.object({
  siteId: z.string(),
  range: z.object({
    from: z.iso.date().describe('First day, in the site’s time zone.'),
    to: z.iso.date().describe('Last day (inclusive).'),
    timezone: z.string(),
  }),
  granularity: z.enum(['minute', 'hour', 'day', 'week', 'month']).nullable(),
  rows: z.array(statsRowSchema),
  totalRows: z.number().int().describe('Rows before limit and offset.'),
  comparison: z.array(statsRowSchema).nullable().describe('The previous period, when compare was true.'),
});
export type StatsResponse = z.infer<typeof statsResponseSchema>;

/** Runs the question for a site of the token's team (another team's site is "not found"). */
export async function queryStatsForToken(
  db: Database,
  context: ApiContext,
  request: StatsRequest,
  now: Date,
): Promise<{ site: { id: string; timezone: string }; result: StatsResult }> {
  const { siteId, ...query } = request;
  const site = await findTeamSite(db, context, siteId);
  return { site, result: await queryStats(db, site, query, { now }) };
}

export function statsResponse(site: { id: string; timezone: string }, result: StatsResult): StatsResponse {
  return {
    siteId: site.id,
    range: { from: result.range.fromDate, to: result.range.toDate, timezone: site.timezone },
    granularity: result.granularity,
    rows: result.rows,
    totalRows: result.totalRows,
    comparison: result.comparison,
  };
}
