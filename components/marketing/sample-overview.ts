// A fixed, made-up month of traffic for the landing page's dashboard preview (never real data).
import type { ChartPoint } from '@/components/dashboard/main-chart';
import type { MetricValues } from '@/lib/stats/query/metrics';
import type { StatsRow } from '@/lib/stats/query/query-stats';

const DAYS = 30;
const FIRST_DAY = Date.UTC(2026, 9, 25);

// Weekday traffic with a weekend dip, a gentle upward trend and one launch-day spike.
const visitorsOn = (index: number, shift = 0) => {
  const date = new Date(FIRST_DAY + (index - shift) * 86_400_000);
  const weekend = [0, 6].includes(date.getUTCDay());
  return Math.round(
    (weekend ? 610 : 880) + (index - shift) * 9 + (index === 17 && !shift ? 1_150 : 0) + ((index * 37) % 70),
  );
};

export const SAMPLE_POINTS: ChartPoint[] = Array.from({ length: DAYS }, (_, index) => ({
  bucket: new Date(FIRST_DAY + index * 86_400_000).toISOString().slice(0, 10),
  current: visitorsOn(index),
  previous: Math.round(visitorsOn(index, DAYS) * 0.83),
  previousBucket: null,
}));

const total = SAMPLE_POINTS.reduce((sum, point) => sum + point.current, 0);

export const SAMPLE_CURRENT: MetricValues = {
  visitors: total,
  visits: Math.round(total * 1.21),
  pageviews: Math.round(total * 2.4),
  views_per_visit: 1.98,
  bounce_rate: 0.41,
  visit_duration: 134,
};

export const SAMPLE_PREVIOUS: MetricValues = {
  visitors: Math.round(total * 0.83),
  visits: Math.round(total * 1.21 * 0.85),
  pageviews: Math.round(total * 2.4 * 0.8),
  views_per_visit: 1.91,
  bounce_rate: 0.44,
  visit_duration: 121,
};

const rows = (entries: [string, number][]): StatsRow[] =>
  entries.map(([value, visitors]) => ({
    bucket: null,
    value,
    metrics: { visitors, visits: Math.round(visitors * 1.2), pageviews: Math.round(visitors * 1.3) },
  }));

export const SAMPLE_PAGES = rows([
  ['/', 11_240],
  ['/pricing', 4_310],
  ['/blog/launch-week', 3_870],
  ['/docs/getting-started', 2_150],
  ['/changelog', 980],
]);

export const SAMPLE_SOURCES = rows([
  ['Google', 8_920],
  ['Hacker News', 3_410],
  ['Newsletter', 2_270],
  ['DuckDuckGo', 1_130],
  ['LinkedIn', 760],
]);

export const SAMPLE_COUNTRIES = rows([
  ['DE', 6_120],
  ['US', 5_480],
  ['FR', 2_310],
  ['GB', 2_050],
  ['NL', 1_240],
]);
