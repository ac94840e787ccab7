// From the raw sums of a row to the metrics users read, and how to order rows by each of them.
import { Prisma } from '@/lib/db/generated/client';

import type { RawRow } from './aggregates';
import type { Metric } from './schema';

/** null where a metric does not apply to the row (bounce rate of a custom event, say). */
export type MetricValues = Partial<Record<Metric, number | null>>;

const ratio = (part: number | null, whole: number | null) =>
  part === null || whole === null ? null : whole ? part / whole : 0;

export function metricsOf(row: RawRow, metrics: readonly Metric[]): MetricValues {
  const all: Record<Metric, number | null> = {
    visitors: row.visitors,
    visits: row.visits,
    pageviews: row.pageviews,
    views_per_visit: ratio(row.pageviews, row.visits),
    bounce_rate: ratio(row.bounces, row.entries),
    visit_duration: ratio(row.durationSeconds, row.visits),
    events: row.events,
    conversion_rate: null,
    time_on_page: row.timeOnPageSeconds,
    revenue: row.revenue,
  };
  return Object.fromEntries(metrics.map((metric) => [metric, all[metric]]));
}

const ORDER_EXPRESSIONS: Record<Metric, string> = {
  visitors: 't.visitors',
  visits: 't.visits',
  pageviews: 't.pageviews',
  views_per_visit: 't.pageviews / nullif(t.visits, 0)',
  bounce_rate: 't.bounces / nullif(t.entries, 0)',
  visit_duration: 't."durationSeconds" / nullif(t.visits, 0)',
  events: 't.events',
  // Rows are ordered by converted visitors; the rate is known only after a second query.
  conversion_rate: 't.visitors',
  time_on_page: 't."timeOnPageSum" / nullif(t."timeOnPageCount", 0)',
  revenue: 't.revenue',
};

export function orderSql(order: { metric: Metric; direction: 'asc' | 'desc' }): Prisma.Sql {
  return Prisma.raw(`${ORDER_EXPRESSIONS[order.metric]} ${order.direction === 'asc' ? 'ASC' : 'DESC'} NULLS LAST`);
}
