import Link from 'next/link';

import type { ChartMetric } from '@/lib/stats/dashboard-view';
import type { MetricValues } from '@/lib/stats/query/metrics';

import { formatMetric, METRIC_LABELS } from './format';

function Change({ metric, current, previous }: { metric: ChartMetric; current: number; previous: number }) {
  if (previous === 0) {
    return <span className="text-xs text-slate-600">{current === 0 ? 'no change' : 'new'}</span>;
  }
  const rounded = Math.round(((current - previous) / previous) * 100);
  if (rounded === 0) return <span className="text-xs text-slate-600">no change</span>;
  // For bounce rate a fall is good news.
  const good = metric === 'bounce_rate' ? rounded < 0 : rounded > 0;
  return (
    <span className={`text-xs font-semibold ${good ? 'text-emerald-700' : 'text-red-700'}`}>
      <span aria-hidden="true">{rounded > 0 ? '↑' : '↓'}</span> {Math.abs(rounded)}%
      <span className="sr-only"> {rounded > 0 ? 'up' : 'down'} from the previous period</span>
    </span>
  );
}

const TITLES: Record<ChartMetric, string> = { ...METRIC_LABELS, visitors: 'Unique visitors' };

/** The top line: each metric with its change, and a link that charts it. */
export function MetricCards({
  metrics,
  current,
  previous,
  selected,
  hrefFor,
}: {
  metrics: readonly ChartMetric[];
  current: MetricValues;
  previous: MetricValues;
  selected: ChartMetric;
  /** Without it (the landing page's preview) the titles are plain text. */
  hrefFor?: (metric: ChartMetric) => string;
}) {
  return (
    <dl className="mt-6 grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6">
      {metrics.map((metric) => (
        <div
          key={metric}
          className={`relative rounded-2xl border bg-white px-4 py-3 shadow-sm ${
            metric === selected ? 'border-brand-500 ring-2 ring-brand-100' : 'border-slate-200'
          }`}
        >
          <dt className="text-xs font-semibold tracking-wide text-slate-600 uppercase">
            {hrefFor ? (
              <Link
                href={hrefFor(metric)}
                scroll={false}
                aria-current={metric === selected ? 'true' : undefined}
                className="after:absolute after:inset-0 after:rounded-2xl focus-visible:outline-none focus-visible:after:ring-2 focus-visible:after:ring-brand-500"
              >
                {TITLES[metric]}
              </Link>
            ) : (
              TITLES[metric]
            )}
          </dt>
          <dd className="mt-1 text-2xl font-bold tabular-nums">{formatMetric(metric, current[metric])}</dd>
          <dd>
            <Change metric={metric} current={current[metric] ?? 0} previous={previous[metric] ?? 0} />
          </dd>
        </div>
      ))}
    </dl>
  );
}
