import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';

import { formatMetric, formatValue, METRIC_LABELS } from '@/components/dashboard/format';
import { inputClass, secondaryButtonClass } from '@/components/ui/styles';
import { SiteBreadcrumb } from '@/components/dashboard/site-breadcrumb';
import { requireUser } from '@/lib/auth/current-user';
import { db } from '@/lib/db/client';
import { findSiteForUser } from '@/lib/sites/access';

import { orTwoFactorNotice } from '@/app/(app)/two-factor-gate';
import { breakdownMetrics } from '@/lib/stats/dashboard';
import { describeFilter, parseDashboardView, rangeLabel, viewQuery, withFilter } from '@/lib/stats/dashboard-view';
import { dimensionLabel } from '@/lib/stats/query/dimensions';
import { queryStats } from '@/lib/stats/query/query-stats';
import { dimensionSchema, type Metric } from '@/lib/stats/query/schema';

export const metadata: Metadata = { title: 'Breakdown', description: 'Every value of one dimension.' };

const PAGE_SIZE = 50;
const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/** One dimension in full: searchable, sortable by any of its metrics, paginated, exportable. */
export default async function BreakdownPage({
  params,
  searchParams,
}: {
  params: Promise<{ siteId: string; dimension: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { siteId, dimension: rawDimension } = await params;
  const search = await searchParams;
  const parsedDimension = dimensionSchema.safeParse(decodeURIComponent(rawDimension));
  if (!parsedDimension.success) notFound();
  const dimension = parsedDimension.data;
  const user = await requireUser();
  const site = await orTwoFactorNotice(findSiteForUser(db(), user.id, siteId));
  if (!site) notFound();

  const view = parseDashboardView(search);
  const metrics = breakdownMetrics(dimension);
  const sort = metrics.includes(first(search.sort) as Metric) ? (first(search.sort) as Metric) : metrics[0]!;
  const direction = first(search.dir) === 'asc' ? 'asc' : 'desc';
  const text = (first(search.q) ?? '').slice(0, 200);
  const page = Math.max(1, Math.min(10_000, Number.parseInt(first(search.page) ?? '1', 10) || 1));
  const result = await queryStats(db(), site, {
    metrics,
    dimensions: [dimension],
    dateRange: view.range,
    filters: view.filters,
    orderBy: { metric: sort, direction },
    search: text || undefined,
    limit: PAGE_SIZE,
    offset: (page - 1) * PAGE_SIZE,
  });
  const basePath = `/sites/${site.id}`;
  const here = `${basePath}/breakdown/${encodeURIComponent(dimension)}`;
  const link = (changes: { sort?: Metric; dir?: string; page?: number }) => {
    const query = new URLSearchParams(viewQuery(view).slice(1));
    if (text) query.set('q', text);
    query.set('sort', changes.sort ?? sort);
    query.set('dir', changes.dir ?? direction);
    if ((changes.page ?? 1) > 1) query.set('page', String(changes.page));
    return `${here}?${query}`;
  };
  const pages = Math.max(1, Math.ceil(result.totalRows / PAGE_SIZE));
  const label = dimensionLabel(dimension);

  return (
    <>
      <SiteBreadcrumb domain={site.domain} siteHref={`${basePath}${viewQuery(view)}`} current={label} />
      <div className="mt-2 flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-bold tracking-tight">{label}</h1>
        <p className="text-sm text-slate-600">
          {rangeLabel(view.range)}
          {view.filters.length ? ` · ${view.filters.map(describeFilter).join(' · ')}` : ''}
        </p>
      </div>
      <div className="mt-4 flex flex-wrap items-end justify-between gap-3">
        <form action={here} className="flex items-end gap-2" role="search">
          {[...new URLSearchParams(viewQuery(view).slice(1)).entries()].map(([name, value], index) => (
            <input key={`${name}-${index}`} type="hidden" name={name} value={value} />
          ))}
          <label className="text-sm text-slate-700">
            Search {label.toLowerCase()}
            <input type="search" name="q" defaultValue={text} className={inputClass} />
          </label>
          <button type="submit" className={secondaryButtonClass}>
            Search
          </button>
        </form>
        <a
          href={`/api/sites/${site.id}/export${viewQuery(view) || '?'}${viewQuery(view) ? '&' : ''}dimension=${encodeURIComponent(dimension)}`}
          className="text-sm font-semibold text-brand-700 hover:underline"
        >
          Download CSV
        </a>
      </div>
      <div className="mt-4 overflow-x-auto rounded-2xl border border-slate-200 bg-white shadow-sm">
        <table className="w-full text-sm">
          <thead className="bg-slate-50 text-left text-xs text-slate-600 uppercase">
            <tr>
              <th scope="col" className="px-4 py-2 font-semibold">
                {label}
              </th>
              {metrics.map((metric) => (
                <th
                  key={metric}
                  scope="col"
                  className="px-4 py-2 text-right font-semibold"
                  aria-sort={metric === sort ? (direction === 'asc' ? 'ascending' : 'descending') : undefined}
                >
                  <Link
                    href={link({ sort: metric, dir: metric === sort && direction === 'desc' ? 'asc' : 'desc' })}
                    className="hover:underline"
                  >
                    {METRIC_LABELS[metric]}
                    {metric === sort ? <span aria-hidden="true">{direction === 'asc' ? ' ↑' : ' ↓'}</span> : null}
                  </Link>
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {result.rows.length === 0 ? (
              <tr>
                <td colSpan={metrics.length + 1} className="px-4 py-8 text-center text-slate-600">
                  No {label.toLowerCase()} values match.
                </td>
              </tr>
            ) : (
              result.rows.map((row) => (
                <tr key={row.value}>
                  <td className="max-w-md truncate px-4 py-2">
                    <Link
                      href={`${basePath}${viewQuery(withFilter(view, { dimension, operator: 'is', values: [row.value ?? ''] }))}`}
                      className="hover:underline"
                    >
                      {formatValue(dimension, row.value)}
                    </Link>
                  </td>
                  {metrics.map((metric) => (
                    <td key={metric} className="px-4 py-2 text-right tabular-nums">
                      {formatMetric(metric, row.metrics[metric])}
                    </td>
                  ))}
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>
      <nav aria-label="Pagination" className="mt-4 flex items-center justify-between text-sm text-slate-700">
        <span>
          {result.totalRows.toLocaleString('en')} values · page {page} of {pages}
        </span>
        <span className="flex gap-2">
          {page > 1 ? (
            <Link href={link({ page: page - 1 })} className={secondaryButtonClass}>
              Previous
            </Link>
          ) : null}
          {page < pages ? (
            <Link href={link({ page: page + 1 })} className={secondaryButtonClass}>
              Next
            </Link>
          ) : null}
        </span>
      </nav>
    </>
  );
}
