// Everything the dashboard page shows for one view, asked of queryStats in parallel.
import type { Database } from '@/lib/db/client';
import { Invalid } from '@/lib/errors';
import { listFunnels } from '@/lib/sites/funnels';

import { CHART_METRICS, WIDGET_IDS, type DashboardView, type WidgetId } from './dashboard-view';
import { queryFunnel, type FunnelResult } from './funnels';
import type { Dimension } from './query/dimensions';
import { queryStats, type StatsResult, type StatsSite } from './query/query-stats';
import type { Metric } from './query/schema';

export const WIDGET_ROWS = 9;
const MAP_ROWS = 300;

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
  /** The site's funnels, and the counts of the one the view selects (null without funnels). */
  funnels: { list: { id: string; name: string }[]; selected: FunnelResult | null };
}

export async function loadDashboard(
  db: Database,
  site: StatsSite,
  view: DashboardView,
  options: { now?: Date } = {},
): Promise<Dashboard> {
  const base = { dateRange: view.range, filters: view.filters };
  const ask = (input: Parameters<typeof queryStats>[2]) => queryStats(db, site, { ...base, ...input }, options);
  const loadFunnels = async (): Promise<Dashboard['funnels']> => {
    const funnels = await listFunnels(db, site.id);
    const chosen = funnels.find((funnel) => funnel.id === view.funnel) ?? funnels[0];
    return {
      list: funnels.map(({ id, name }) => ({ id, name })),
      selected: chosen ? await queryFunnel(db, site, chosen, base, options) : null,
    };
  };
  const [funnels, topLine, series, goals, ...widgets] = await Promise.all([
    loadFunnels(),
    ask({ metrics: [...CHART_METRICS], compare: true }),
    ask({ metrics: [view.metric], granularity: view.interval ?? 'auto', compare: true }).catch((error: unknown) => {
      // An interval too fine for the range (a stale link): fall back to the range's own.
      if (!(error instanceof Invalid)) throw error;
      return ask({ metrics: [view.metric], granularity: 'auto', compare: true });
    }),
    ask({ metrics: breakdownMetrics('goal'), dimensions: ['goal'], limit: 50 }),
    ...WIDGET_IDS.map((widget) => {
      const dimension = view.tabs[widget];
      // Countries feed the world map too, so all of them (there are fewer than 250) are loaded.
      const limit = dimension === 'country' ? MAP_ROWS : WIDGET_ROWS;
      return ask({ metrics: breakdownMetrics(dimension), dimensions: [dimension], limit });
    }),
  ]);
  const breakdowns = Object.fromEntries(
    WIDGET_IDS.map((widget, index) => [widget, { dimension: view.tabs[widget], result: widgets[index]! }]),
  ) as Record<WidgetId, Breakdown>;
  return { topLine, series, breakdowns, goals, funnels };
}
