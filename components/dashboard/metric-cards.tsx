import type { TopLine } from '@/lib/stats/overview';

import { formatCount, formatDuration, formatPercent } from './format';

interface Metric {
  label: string;
  value: string;
  current: number;
  previous: number;
  /** For bounce rate a fall is good news. */
  lowerIsBetter?: boolean;
}

function Change({ metric }: { metric: Metric }) {
  if (metric.previous === 0) {
    return <span className="text-xs text-slate-600">{metric.current === 0 ? 'no change' : 'new'}</span>;
  }
  const change = (metric.current - metric.previous) / metric.previous;
  const rounded = Math.round(change * 100);
  if (rounded === 0) return <span className="text-xs text-slate-600">no change</span>;
  const good = metric.lowerIsBetter ? rounded < 0 : rounded > 0;
  return (
    <span className={`text-xs font-semibold ${good ? 'text-emerald-700' : 'text-red-700'}`}>
      <span aria-hidden="true">{rounded > 0 ? '↑' : '↓'}</span> {Math.abs(rounded)}%
      <span className="sr-only"> {rounded > 0 ? 'up' : 'down'} from the previous period</span>
    </span>
  );
}

export function MetricCards({ topLine, previous }: { topLine: TopLine; previous: TopLine }) {
  const metrics: Metric[] = [
    {
      label: 'Unique visitors',
      value: formatCount(topLine.visitors),
      current: topLine.visitors,
      previous: previous.visitors,
    },
    { label: 'Visits', value: formatCount(topLine.visits), current: topLine.visits, previous: previous.visits },
    {
      label: 'Pageviews',
      value: formatCount(topLine.pageviews),
      current: topLine.pageviews,
      previous: previous.pageviews,
    },
    {
      label: 'Views per visit',
      value: topLine.viewsPerVisit.toFixed(2),
      current: topLine.viewsPerVisit,
      previous: previous.viewsPerVisit,
    },
    {
      label: 'Bounce rate',
      value: formatPercent(topLine.bounceRate),
      current: topLine.bounceRate,
      previous: previous.bounceRate,
      lowerIsBetter: true,
    },
    {
      label: 'Visit duration',
      value: formatDuration(topLine.visitDurationSeconds),
      current: topLine.visitDurationSeconds,
      previous: previous.visitDurationSeconds,
    },
  ];
  return (
    <dl className="mt-6 grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6">
      {metrics.map((metric) => (
        <div key={metric.label} className="rounded-2xl border border-slate-200 bg-white px-4 py-3 shadow-sm">
          <dt className="text-xs font-semibold tracking-wide text-slate-600 uppercase">{metric.label}</dt>
          <dd className="mt-1 text-2xl font-bold tabular-nums">{metric.value}</dd>
          <dd>
            <Change metric={metric} />
          </dd>
        </div>
      ))}
    </dl>
  );
}
