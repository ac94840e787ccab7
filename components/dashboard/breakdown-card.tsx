import Link from 'next/link';

import { breakdownMetrics } from '@/lib/stats/dashboard';
import { viewQuery, withFilter, type DashboardView } from '@/lib/stats/dashboard-view';
import { dimensionLabel, type Dimension } from '@/lib/stats/query/dimensions';
import type { StatsRow } from '@/lib/stats/query/query-stats';

import { formatMetric, formatValue, METRIC_LABELS } from './format';

export interface BreakdownTab {
  dimension: Dimension;
  href: string;
}

/**
 * One breakdown: tabs to switch dimension, the top rows with a bar for visitors, each row a link that
 * filters the whole dashboard by it, and a link to the full, searchable list.
 */
export function BreakdownCard({
  title,
  basePath,
  view,
  dimension,
  rows,
  totalRows = rows.length,
  tabs,
  className = '',
  columns = 2,
  fullList = true,
  visual,
}: {
  title: string;
  /** Without a base path and view (the landing page's preview), rows are plain text, not filter links. */
  basePath?: string;
  view?: DashboardView;
  dimension: Dimension;
  rows: StatsRow[];
  totalRows?: number;
  tabs?: BreakdownTab[];
  className?: string;
  /** How many of the dimension's metrics fit (half-width cards show two; the full list is a click away). */
  columns?: number;
  /** Link to the full, searchable list when there are more rows than shown. */
  fullList?: boolean;
  /** A picture of the same rows above the table (the world map for countries). */
  visual?: React.ReactNode;
}) {
  const metrics = breakdownMetrics(dimension).slice(0, columns);
  const max = Math.max(1, ...rows.map((row) => row.metrics.visitors ?? 0));
  const headingId = `breakdown-${title.toLowerCase().replace(/\W+/g, '-')}`;
  return (
    <section
      aria-labelledby={headingId}
      className={`rounded-2xl border border-slate-200 bg-white p-5 shadow-sm ${className}`}
    >
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id={headingId} className="font-semibold">
          {title}
        </h2>
        {tabs && tabs.length > 1 ? (
          <nav aria-label={`${title} breakdown`} className="flex flex-wrap gap-1 text-xs">
            {tabs.map((tab) => (
              <Link
                key={tab.dimension}
                href={tab.href}
                scroll={false}
                aria-current={tab.dimension === dimension ? 'true' : undefined}
                className={`rounded-md px-2 py-1 font-medium ${
                  tab.dimension === dimension ? 'bg-slate-900 text-white' : 'text-slate-600 hover:bg-slate-100'
                }`}
              >
                {dimensionLabel(tab.dimension)}
              </Link>
            ))}
          </nav>
        ) : null}
      </div>
      {rows.length ? visual : null}
      {rows.length === 0 ? (
        <p className="mt-6 mb-2 text-center text-sm text-slate-600">Nothing to show for this period.</p>
      ) : (
        <table className="mt-3 w-full text-sm">
          <thead>
            <tr className="text-left text-xs text-slate-600 uppercase">
              <th scope="col" className="py-1 font-semibold">
                {dimensionLabel(dimension)}
              </th>
              {metrics.map((metric, index) => (
                <th
                  key={metric}
                  scope="col"
                  className={`py-1 pl-2 text-right font-semibold ${index > 1 ? 'hidden sm:table-cell' : ''}`}
                >
                  {METRIC_LABELS[metric]}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => {
              const value = row.value ?? '';
              const label = formatValue(dimension, row.value);
              return (
                <tr key={value}>
                  <td className="relative w-full max-w-0 py-1.5 pr-2">
                    <span
                      aria-hidden="true"
                      className="absolute inset-y-0.5 left-0 rounded bg-brand-50"
                      style={{ width: `${((row.metrics.visitors ?? 0) / max) * 100}%` }}
                    />
                    {basePath && view ? (
                      <Link
                        href={`${basePath}${viewQuery(withFilter(view, { dimension, operator: 'is', values: [value] }))}`}
                        scroll={false}
                        title={`Filter by ${label}`}
                        className="relative block truncate px-2 hover:underline"
                      >
                        {label}
                      </Link>
                    ) : (
                      <span className="relative block truncate px-2">{label}</span>
                    )}
                  </td>
                  {metrics.map((metric, index) => (
                    <td
                      key={metric}
                      className={`py-1.5 pl-2 text-right whitespace-nowrap tabular-nums ${index > 1 ? 'hidden sm:table-cell' : ''}`}
                    >
                      {formatMetric(metric, row.metrics[metric])}
                    </td>
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {basePath && view && fullList && totalRows > rows.length ? (
        <p className="mt-3 text-right text-sm">
          <Link
            href={`${basePath}/breakdown/${encodeURIComponent(dimension)}${viewQuery(view)}`}
            className="font-semibold text-brand-700 hover:underline"
          >
            All {totalRows.toLocaleString('en')} {dimensionLabel(dimension).toLowerCase()} values
            <span aria-hidden="true"> →</span>
          </Link>
        </p>
      ) : null}
    </section>
  );
}
