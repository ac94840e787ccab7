import Link from 'next/link';

import { viewQuery, type DashboardView } from '@/lib/stats/dashboard-view';
import type { StatsResult } from '@/lib/stats/query/query-stats';
import type { Granularity } from '@/lib/stats/query/schema';

import { formatMetric, METRIC_LABELS } from './format';
import { MainChart, type ChartPoint } from './main-chart';

const INTERVAL_LABELS: Record<Granularity, string> = {
  minute: 'Minutes',
  hour: 'Hours',
  day: 'Days',
  week: 'Weeks',
  month: 'Months',
};

/** The intervals that make sense for a range of `days` days. */
export function intervalsFor(days: number, realtime: boolean): Granularity[] {
  if (realtime) return ['minute'];
  const intervals: Granularity[] = [];
  if (days <= 7) intervals.push('hour');
  if (days > 1) intervals.push('day');
  if (days >= 14) intervals.push('week');
  if (days >= 60) intervals.push('month');
  return intervals;
}

export function ChartCard({ basePath, view, series }: { basePath: string; view: DashboardView; series: StatsResult }) {
  const metric = view.metric;
  const granularity = series.granularity ?? 'day';
  const points: ChartPoint[] = series.rows.map((row, index) => {
    const previous = series.comparison?.[index];
    return {
      bucket: row.bucket ?? '',
      current: row.metrics[metric] ?? 0,
      previous: previous ? (previous.metrics[metric] ?? 0) : null,
      previousBucket: previous?.bucket ?? null,
    };
  });
  const values = points.map((point) => point.current);
  const additive = metric === 'visitors' || metric === 'visits' || metric === 'pageviews';
  const total = values.reduce((sum, value) => sum + value, 0);
  const peak = Math.max(0, ...values);
  const days = Math.round((Date.parse(series.range.toDate) - Date.parse(series.range.fromDate)) / 86_400_000) + 1;
  const intervals = intervalsFor(days, series.range.realtime);
  const unit = granularity === 'day' ? 'day' : granularity;
  const summary =
    `${METRIC_LABELS[metric]} per ${unit} over ${points.length} ${unit}s` +
    (additive ? `, ${formatMetric(metric, total)} in total` : '') +
    `, at most ${formatMetric(metric, peak)}`;
  return (
    <figure className="mt-6 rounded-2xl border border-slate-200 bg-white p-5 shadow-sm">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <figcaption className="text-sm font-semibold text-slate-700">
          {METRIC_LABELS[metric]} per {unit}
          <span className="ml-3 inline-flex items-center gap-1 text-xs font-normal text-slate-600">
            <span aria-hidden="true" className="inline-block h-0.5 w-4 bg-brand-600" /> this period
            <span aria-hidden="true" className="ml-2 inline-block w-4 border-t-2 border-dashed border-slate-400" />{' '}
            previous period
          </span>
        </figcaption>
        {intervals.length > 1 ? (
          <nav aria-label="Interval" className="flex gap-1 text-xs">
            {intervals.map((interval) => (
              <Link
                key={interval}
                href={`${basePath}${viewQuery({ ...view, interval })}`}
                scroll={false}
                aria-current={interval === granularity ? 'true' : undefined}
                className={`rounded-md px-2 py-1 font-medium ${
                  interval === granularity ? 'bg-slate-900 text-white' : 'text-slate-600 hover:bg-slate-100'
                }`}
              >
                {INTERVAL_LABELS[interval]}
              </Link>
            ))}
          </nav>
        ) : null}
      </div>
      {values.every((value) => value === 0) ? (
        <p className="mt-4 flex h-64 items-center justify-center rounded-xl bg-slate-50 text-sm text-slate-600">
          No visitors in this period yet.
        </p>
      ) : (
        <MainChart metric={metric} granularity={granularity} points={points} summary={summary} />
      )}
    </figure>
  );
}
