// POST /api/v2/query: Plausible's Stats API v2 query shape, translated to a StatsQuery and answered by
// the same queryStats. What Glance cannot answer the same way is refused with 400 and a reason, never
// approximated. https://plausible.io/docs/stats-api (v2, "query" endpoint).
import { z } from 'zod';

import type { Database } from '@/lib/db/client';
import { Invalid, NotFound } from '@/lib/errors';
import { queryStats } from '@/lib/stats/query/query-stats';
import type { Filter, Granularity, Metric, StatsQueryInput } from '@/lib/stats/query/schema';
import { PLAIN_DIMENSIONS, type Dimension } from '@/lib/stats/query/dimensions';

import type { ApiContext } from './authenticate-token';

/** Plausible metric → Glance metric (the names Glance shares, plus total_revenue). */
export const V2_METRICS: Record<string, Metric> = {
  visitors: 'visitors',
  visits: 'visits',
  pageviews: 'pageviews',
  views_per_visit: 'views_per_visit',
  bounce_rate: 'bounce_rate',
  visit_duration: 'visit_duration',
  events: 'events',
  conversion_rate: 'conversion_rate',
  time_on_page: 'time_on_page',
  total_revenue: 'revenue',
};

/** Presets whose meaning is the same as Glance's preset of the same name. */
export const V2_DATE_RANGES = {
  day: 'today',
  '7d': '7d',
  '30d': '30d',
  month: 'month',
  year: 'year',
  '12mo': '12mo',
  all: 'all',
} as const;

const V2_TIME: Record<string, Granularity | 'auto'> = {
  time: 'auto',
  'time:minute': 'minute',
  'time:hour': 'hour',
  'time:day': 'day',
  'time:week': 'week',
  'time:month': 'month',
};

const V2_OPERATORS = { is: 'is', is_not: 'is_not', contains: 'contains', contains_not: 'not_contains' } as const;

const isoDate = z.iso.date({ error: 'Dates are written YYYY-MM-DD (times of day are not supported).' });

export const v2QuerySchema = z
  .object({
    site_id: z.string().min(1).max(253).describe('The site’s domain (as in Plausible) or its Glance id.'),
    metrics: z.array(z.string()).min(1).max(10),
    date_range: z.union([z.string(), z.tuple([isoDate, isoDate])]).default('30d'),
    dimensions: z.array(z.string()).max(2).default([]),
    filters: z
      .array(z.tuple([z.string(), z.string(), z.array(z.union([z.string(), z.number()]))]))
      .max(20)
      .default([]),
    order_by: z
      .array(z.tuple([z.string(), z.enum(['asc', 'desc'])]))
      .max(1)
      .optional(),
    include: z
      .object({ total_rows: z.boolean().optional(), imports: z.boolean().optional() })
      .strict()
      .optional()
      .describe('total_rows is answered; imports is accepted and ignored (Glance has no imported data).'),
    pagination: z
      .object({
        limit: z.number().int().min(1).max(10_000).default(10_000),
        offset: z.number().int().min(0).default(0),
      })
      .optional(),
  })
  .strict();
export type V2Query = z.output<typeof v2QuerySchema>;

export const v2ResponseSchema = z.object({
  results: z.array(
    z.object({
      metrics: z.array(z.number().nullable()),
      dimensions: z.array(z.string().nullable()),
    }),
  ),
  meta: z.object({ total_rows: z.number().int().optional() }),
  query: z.record(z.string(), z.unknown()),
});

function dimensionOf(name: string): Dimension {
  if (name === 'event:goal') return 'goal';
  if (name.startsWith('event:props:') && name.length > 'event:props:'.length) {
    return `prop:${name.slice('event:props:'.length)}`;
  }
  const plain = { 'event:page': 'page', 'event:hostname': 'hostname', 'event:name': 'event_name' }[name];
  if (plain) return plain as Dimension;
  const visit = name.startsWith('visit:') ? name.slice('visit:'.length) : null;
  if (visit && (PLAIN_DIMENSIONS as string[]).includes(visit)) return visit as Dimension;
  throw new Invalid(`Dimension ${name} is not supported.`, { dimensions: name });
}

/** The StatsQuery that answers `query`. */
export function translateV2(query: V2Query): StatsQueryInput & { metrics: Metric[] } {
  const metrics = query.metrics.map((name) => {
    const metric = V2_METRICS[name];
    if (!metric) throw new Invalid(`Metric ${name} is not supported.`, { metrics: name });
    return metric;
  });
  let dateRange: StatsQueryInput['dateRange'];
  if (Array.isArray(query.date_range)) dateRange = { from: query.date_range[0], to: query.date_range[1] };
  else if (query.date_range in V2_DATE_RANGES)
    dateRange = V2_DATE_RANGES[query.date_range as keyof typeof V2_DATE_RANGES];
  else
    throw new Invalid(`date_range ${query.date_range} is not supported; send [from, to] dates.`, {
      date_range: query.date_range,
    });

  const times = query.dimensions.filter((name) => name in V2_TIME);
  const others = query.dimensions.filter((name) => !(name in V2_TIME));
  if (times.length > 1 || others.length > 1) {
    throw new Invalid('At most one time dimension and one other dimension are supported.', { dimensions: 'too many' });
  }
  const dimensions = others.map(dimensionOf);
  const filters: Filter[] = query.filters.map(([operator, name, values]) => {
    const mapped = V2_OPERATORS[operator as keyof typeof V2_OPERATORS];
    if (!mapped) throw new Invalid(`Filter operator ${operator} is not supported.`, { filters: operator });
    if (name.startsWith('time')) throw new Invalid('Filters on time are not supported; use date_range.');
    return { dimension: dimensionOf(name), operator: mapped, values: values.map(String) };
  });
  let orderBy: StatsQueryInput['orderBy'];
  if (query.order_by?.length) {
    const [by, direction] = query.order_by[0]!;
    const metric = V2_METRICS[by];
    const timeAscending = by in V2_TIME && direction === 'asc';
    if (!metric && !timeAscending) throw new Invalid('order_by supports one metric of the query.', { order_by: by });
    if (metric) orderBy = { metric, direction };
  }
  const pagination = query.pagination ?? { limit: 10_000, offset: 0 };
  return {
    metrics,
    dimensions,
    granularity: times[0] ? V2_TIME[times[0]] : undefined,
    filters,
    dateRange,
    orderBy,
    limit: pagination.limit,
    offset: pagination.offset,
  };
}

/** Glance's bucket label in Plausible's form: a date, or "YYYY-MM-DD HH:MM:SS" for hours and minutes. */
const plausibleTime = (bucket: string | null) => (bucket?.includes('T') ? `${bucket.replace('T', ' ')}:00` : bucket);

export async function runV2Query(db: Database, context: ApiContext, query: V2Query, now: Date) {
  const site = await db.site.findFirst({
    where: { teamId: context.teamId, OR: [{ domain: query.site_id.toLowerCase() }, { id: query.site_id }] },
    select: { id: true, timezone: true },
  });
  if (!site) throw new NotFound('Site not found');
  const input = translateV2(query);
  const result = await queryStats(db, site, input, { now });
  const order = input.metrics;
  const results = result.rows.map((row) => ({
    metrics: order.map((metric) => row.metrics[metric] ?? null),
    dimensions: query.dimensions.map((name) => (name in V2_TIME ? plausibleTime(row.bucket) : row.value)),
  }));
  return {
    results,
    meta: query.include?.total_rows ? { total_rows: result.totalRows } : {},
    query: { ...query, date_range: [result.range.fromDate, result.range.toDate] },
  };
}
