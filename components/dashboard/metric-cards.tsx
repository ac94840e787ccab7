import type { TopLine } from '@/lib/stats/overview';

import { formatCount, formatDuration, formatPercent } from './format';

export function MetricCards({ topLine }: { topLine: TopLine }) {
  const metrics = [
    { label: 'Unique visitors', value: formatCount(topLine.visitors) },
    { label: 'Visits', value: formatCount(topLine.visits) },
    { label: 'Pageviews', value: formatCount(topLine.pageviews) },
    { label: 'Views per visit', value: topLine.viewsPerVisit.toFixed(2) },
    { label: 'Bounce rate', value: formatPercent(topLine.bounceRate) },
    { label: 'Visit duration', value: formatDuration(topLine.visitDurationSeconds) },
  ];
  return (
    <dl className="mt-6 grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6">
      {metrics.map((metric) => (
        <div key={metric.label} className="rounded-2xl border border-slate-200 bg-white px-4 py-3 shadow-sm">
          <dt className="text-xs font-semibold tracking-wide text-slate-600 uppercase">{metric.label}</dt>
          <dd className="mt-1 text-2xl font-bold tabular-nums">{metric.value}</dd>
        </div>
      ))}
    </dl>
  );
}
