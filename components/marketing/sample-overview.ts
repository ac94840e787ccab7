// A fixed, made-up month of traffic for the landing page's dashboard preview (never real data).
import type { BreakdownRow, DayPoint, TopLine } from '@/lib/stats/overview';

const DAYS = 30;
const FIRST_DAY = Date.UTC(2026, 9, 25);

// Weekday traffic with a weekend dip, a gentle upward trend and one launch-day spike.
export const SAMPLE_SERIES: DayPoint[] = Array.from({ length: DAYS }, (_, index) => {
  const date = new Date(FIRST_DAY + index * 86_400_000);
  const weekend = [0, 6].includes(date.getUTCDay());
  const visitors = Math.round((weekend ? 610 : 880) + index * 9 + (index === 17 ? 1_150 : 0) + ((index * 37) % 70));
  return { day: date.toISOString().slice(0, 10), visitors, pageviews: Math.round(visitors * 2.4) };
});

const total = SAMPLE_SERIES.reduce((sum, point) => sum + point.visitors, 0);

export const SAMPLE_TOP_LINE: TopLine = {
  visitors: total,
  visits: Math.round(total * 1.21),
  pageviews: SAMPLE_SERIES.reduce((sum, point) => sum + point.pageviews, 0),
  viewsPerVisit: 1.98,
  bounceRate: 0.41,
  visitDurationSeconds: 134,
};

export const SAMPLE_PREVIOUS: TopLine = {
  visitors: Math.round(total * 0.83),
  visits: Math.round(total * 1.21 * 0.85),
  pageviews: Math.round(SAMPLE_TOP_LINE.pageviews * 0.8),
  viewsPerVisit: 1.91,
  bounceRate: 0.44,
  visitDurationSeconds: 121,
};

const rows = (entries: [string, number][]): BreakdownRow[] =>
  entries.map(([label, visitors]) => ({ label, visitors, count: Math.round(visitors * 1.3) }));

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
