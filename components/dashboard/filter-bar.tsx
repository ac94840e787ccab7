import Link from 'next/link';

import { describeFilter, viewQuery, withoutFilter, type DashboardView } from '@/lib/stats/dashboard-view';

import { AddFilter } from './add-filter';

/** The active filters as removable chips, and a way to add one. */
export function FilterBar({ basePath, view }: { basePath: string; view: DashboardView }) {
  return (
    <div className="mt-4 flex flex-wrap items-center gap-2" aria-label="Filters" role="group">
      {view.filters.map((filter, index) => (
        <span
          key={`${filter.dimension}-${index}`}
          className="inline-flex items-center gap-1 rounded-full border border-brand-100 bg-brand-50 py-1 pr-1 pl-3 text-sm text-brand-700"
        >
          {describeFilter(filter)}
          <Link
            href={`${basePath}${viewQuery(withoutFilter(view, index))}`}
            scroll={false}
            aria-label={`Remove filter: ${describeFilter(filter)}`}
            className="rounded-full px-2 leading-6 hover:bg-brand-100 focus-visible:ring-2 focus-visible:ring-brand-500 focus-visible:outline-none"
          >
            ×
          </Link>
        </span>
      ))}
      {view.filters.length > 1 ? (
        <Link
          href={`${basePath}${viewQuery({ ...view, filters: [] })}`}
          scroll={false}
          className="text-sm text-slate-600 underline-offset-2 hover:underline"
        >
          Clear all
        </Link>
      ) : null}
      <AddFilter basePath={basePath} query={viewQuery(view)} />
    </div>
  );
}
