// Number and label formatting shared by dashboard widgets and exports.
import type { Dimension } from '@/lib/stats/query/dimensions';
import type { Metric } from '@/lib/stats/query/schema';

const compact = new Intl.NumberFormat('en', { notation: 'compact', maximumFractionDigits: 1 });
const money = new Intl.NumberFormat('en', { maximumFractionDigits: 2, minimumFractionDigits: 0 });

export const formatCount = (value: number) => (value < 10_000 ? value.toLocaleString('en') : compact.format(value));
export const formatPercent = (ratio: number) => `${Math.round(ratio * 100)}%`;

export function formatDuration(seconds: number): string {
  const total = Math.round(seconds);
  const minutes = Math.floor(total / 60);
  return minutes ? `${minutes}m ${String(total % 60).padStart(2, '0')}s` : `${total}s`;
}

export const METRIC_LABELS: Record<Metric, string> = {
  visitors: 'Visitors',
  visits: 'Visits',
  pageviews: 'Pageviews',
  views_per_visit: 'Views per visit',
  bounce_rate: 'Bounce rate',
  visit_duration: 'Visit duration',
  events: 'Events',
  conversion_rate: 'Conversion rate',
  time_on_page: 'Time on page',
  revenue: 'Revenue',
};

export function formatMetric(metric: Metric, value: number | null | undefined): string {
  if (value === null || value === undefined) return '–';
  switch (metric) {
    case 'bounce_rate':
    case 'conversion_rate':
      return formatPercent(value);
    case 'visit_duration':
    case 'time_on_page':
      return formatDuration(value);
    case 'views_per_visit':
      return value.toFixed(2);
    case 'revenue':
      return money.format(value);
    default:
      return formatCount(value);
  }
}

const countries = new Intl.DisplayNames(['en'], { type: 'region' });

/** A breakdown value as people read it: country names instead of codes, for instance. */
export function formatValue(dimension: Dimension, value: string | null): string {
  if (value === null) return '';
  // Stored lower-case as identifiers ("search", "mobile"); shown as words.
  if (dimension === 'channel' || dimension === 'device' || dimension === 'screen') {
    return value.charAt(0).toUpperCase() + value.slice(1);
  }
  if (dimension === 'country' && /^[A-Z]{2}$/.test(value)) {
    try {
      return countries.of(value) ?? value;
    } catch {
      return value;
    }
  }
  return value;
}
