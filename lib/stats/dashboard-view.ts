// What the dashboard shows, kept in the URL so every view is a shareable link:
//   ?period=7d | ?period=custom&from=2026-11-01&to=2026-11-10
//   &f=source:is:Google&f=page:contains:%2Fblog   (values URI-encoded, several joined by commas)
//   &metric=pageviews&interval=week&sources=channel&pages=entry_page&funnel=<id>...
import { z } from 'zod';

import { dimensionLabel, type Dimension } from './query/dimensions';
import {
  dateRangeSchema,
  filterSchema,
  FILTER_OPERATORS,
  GRANULARITIES,
  RANGE_PRESETS,
  type DateRange,
  type Filter,
  type Granularity,
  type RangePreset,
} from './query/schema';

export const RANGE_LABELS: Record<RangePreset, string> = {
  realtime: 'Realtime',
  today: 'Today',
  yesterday: 'Yesterday',
  '7d': 'Last 7 days',
  '30d': 'Last 30 days',
  '90d': 'Last 90 days',
  month: 'Month to date',
  last_month: 'Last month',
  year: 'Year to date',
  '12mo': 'Last 12 months',
  all: 'All time',
};

/** Keyboard shortcuts for the common ranges (as in Plausible, so muscle memory carries over). */
export const RANGE_SHORTCUTS: Partial<Record<RangePreset, string>> = {
  realtime: 'r',
  today: 'd',
  yesterday: 'e',
  '7d': 'w',
  '30d': 't',
  month: 'm',
  year: 'y',
  '12mo': 'l',
  all: 'a',
};

export const CHART_METRICS = [
  'visitors',
  'visits',
  'pageviews',
  'views_per_visit',
  'bounce_rate',
  'visit_duration',
] as const;
export type ChartMetric = (typeof CHART_METRICS)[number];

/** The breakdown widgets and the tabs (dimensions) each one offers. */
export const WIDGETS = {
  sources: ['source', 'channel', 'referrer', 'utm_source', 'utm_medium', 'utm_campaign', 'utm_term', 'utm_content'],
  pages: ['page', 'entry_page', 'exit_page'],
  locations: ['country', 'region', 'city'],
  devices: ['browser', 'browser_version', 'os', 'os_version', 'device', 'screen'],
} as const satisfies Record<string, readonly Dimension[]>;
export type WidgetId = keyof typeof WIDGETS;
export const WIDGET_IDS = Object.keys(WIDGETS) as WidgetId[];

export interface DashboardView {
  range: DateRange;
  filters: Filter[];
  metric: ChartMetric;
  /** null: the range's own default. */
  interval: Granularity | null;
  tabs: { [W in WidgetId]: (typeof WIDGETS)[W][number] };
  /** The funnel shown (its id); null: the site's first. */
  funnel: string | null;
}

type SearchParams = Record<string, string | string[] | undefined>;

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
const all = (value: string | string[] | undefined) =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];

export function encodeFilter(filter: Filter): string {
  return `${filter.dimension}:${filter.operator}:${filter.values.map(encodeURIComponent).join(',')}`;
}

/** A filter from its URL form, or null when it is malformed (a stale or hand-edited link is ignored, not fatal). */
export function decodeFilter(text: string): Filter | null {
  const match = /^([\w:.-]+?):(is|is_not|contains|not_contains):(.+)$/.exec(text);
  if (!match) return null;
  try {
    const parsed = filterSchema.safeParse({
      dimension: match[1],
      operator: match[2],
      values: match[3]!.split(',').map(decodeURIComponent),
    });
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function parseDashboardView(params: SearchParams): DashboardView {
  const period = first(params.period);
  const custom = dateRangeSchema.safeParse({ from: first(params.from), to: first(params.to) });
  const range: DateRange =
    period === 'custom' && custom.success
      ? custom.data
      : (RANGE_PRESETS as readonly string[]).includes(period ?? '')
        ? (period as RangePreset)
        : '30d';
  const metric = first(params.metric);
  const interval = z.enum(GRANULARITIES).safeParse(first(params.interval));
  const tabs = Object.fromEntries(
    WIDGET_IDS.map((widget) => {
      const wanted = first(params[widget]);
      const options: readonly string[] = WIDGETS[widget];
      return [widget, wanted && options.includes(wanted) ? wanted : options[0]];
    }),
  ) as DashboardView['tabs'];
  return {
    range,
    filters: all(params.f)
      .map(decodeFilter)
      .filter((filter): filter is Filter => filter !== null)
      .slice(0, 20),
    metric: (CHART_METRICS as readonly string[]).includes(metric ?? '') ? (metric as ChartMetric) : 'visitors',
    interval: interval.success ? interval.data : null,
    tabs,
    funnel: /^[\w-]{1,40}$/.test(first(params.funnel) ?? '') ? first(params.funnel)! : null,
  };
}

/** The URL query of a view (defaults left out, so links stay short). */
export function viewQuery(view: DashboardView): string {
  const params = new URLSearchParams();
  if (typeof view.range === 'object') {
    params.set('period', 'custom');
    params.set('from', view.range.from);
    params.set('to', view.range.to);
  } else if (view.range !== '30d') {
    params.set('period', view.range);
  }
  for (const filter of view.filters) params.append('f', encodeFilter(filter));
  if (view.metric !== 'visitors') params.set('metric', view.metric);
  if (view.interval) params.set('interval', view.interval);
  for (const widget of WIDGET_IDS) {
    if (view.tabs[widget] !== WIDGETS[widget][0]) params.set(widget, view.tabs[widget]);
  }
  if (view.funnel) params.set('funnel', view.funnel);
  const query = params.toString();
  return query ? `?${query}` : '';
}

export function withRange(view: DashboardView, range: DateRange): DashboardView {
  // A range change resets the interval: a weekly interval makes no sense for "today".
  return { ...view, range, interval: null };
}

/** The view with `filter` added (replacing any filter on the same dimension). */
export function withFilter(view: DashboardView, filter: Filter): DashboardView {
  return { ...view, filters: [...view.filters.filter((other) => other.dimension !== filter.dimension), filter] };
}

export function withoutFilter(view: DashboardView, index: number): DashboardView {
  return { ...view, filters: view.filters.filter((_, position) => position !== index) };
}

export function describeFilter(filter: Filter): string {
  const verbs: Record<(typeof FILTER_OPERATORS)[number], string> = {
    is: 'is',
    is_not: 'is not',
    contains: 'contains',
    not_contains: 'does not contain',
  };
  return `${dimensionLabel(filter.dimension)} ${verbs[filter.operator]} ${filter.values.join(' or ')}`;
}

export function rangeLabel(range: DateRange): string {
  return typeof range === 'object' ? `${range.from} to ${range.to}` : RANGE_LABELS[range];
}
