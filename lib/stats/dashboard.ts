// Everything the dashboard page shows for one view, asked of queryStats in parallel.
import type { Database } from '@/lib/db/client';
import { Invalid } from '@/lib/errors';

import { CHART_METRICS, WIDGET_IDS, type DashboardView, type WidgetId } from './dashboard-view';
import type { Dimension } from './query/dimensions';
import { queryStats, type StatsResult, type StatsSite } from './query/query-stats';
import type { Metric } from './query/schema';

export const WIDGET_ROWS = 9;

/** Which metrics each breakdown shows next to visitors. */
export function breakdownMetrics(dimension: Dimension): Metric[] {
  if (dimension === 'page') return ['visitors', 'pageviews', 'bounce_rate', 'time_on_page'];
  if (dimension === 'goal') return ['visitors', 'events', 'conversion_rate', 'revenue'];
  if (dimension === 'entry_page' || dimension === 'exit_page') return ['visitors', 'visits', 'bounce_rate'];
  if (dimension.startsWith('prop:')) return ['visitors', 'events'];
  return ['visitors', 'visits', 'bounce_rate', 'visit_duration'];
}

export interface Breakdown {
  dimension: Dimension;
  result: StatsResult;
}

export interface Dashboard {
  topLine: StatsResult;
  series: StatsResult;
  breakdowns: Record<WidgetId, Breakdown>;
  goals: StatsResult;
}

export async function loadDashboard(
  db: Database,
  site: StatsSite,
  view: DashboardView,
  options: { now?: Date } = {},
): Promise<Dashboard> {
  const base = { dateRange: view.range, filters: view.filters };
  const ask = (input: Parameters<typeof queryStats>[2]) => queryStats(db, site, { ...base, ...input }, options);
  const [topLine, series, goals, ...widgets] = await Promise.all([
    ask({ metrics: [...CHART_METRICS], compare: true }),
    ask({ metrics: [view.metric], granularity: view.interval ?? 'auto', compare: true }).catch((error: unknown) => {
      // An interval too fine for the range (a stale link): fall back to the range's own.
      if (!(error instanceof Invalid)) throw error;
      return ask({ metrics: [view.metric], granularity: 'auto', compare: true });
    }),
    ask({ metrics: breakdownMetrics('goal'), dimensions: ['goal'], limit: 50 }),
    ...WIDGET_IDS.map((widget) => {
      const dimension = view.tabs[widget];
      return ask({ metrics: breakdownMetrics(dimension), dimensions: [dimension], limit: WIDGET_ROWS });
    }),
  ]);
  const breakdowns = Object.fromEntries(
    WIDGET_IDS.map((widget, index) => [widget, { dimension: view.tabs[widget], result: widgets[index]! }]),
  ) as Record<WidgetId, Breakdown>;
  return { topLine, series, breakdowns, goals };
}
