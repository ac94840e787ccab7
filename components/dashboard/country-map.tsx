import Link from 'next/link';

import { viewQuery, withFilter, type DashboardView } from '@/lib/stats/dashboard-view';
import type { StatsRow } from '@/lib/stats/query/query-stats';

import { formatCount, formatValue } from './format';
import { MAP_HEIGHT, MAP_WIDTH, worldShapes } from './world-shapes';

/**
 * Visitors by country on a world map, darker for more. A visual next to the table, which stays the
 * accessible way in: the map is hidden from assistive technology and its countries are links for the
 * mouse only (the table's rows are the same filters for keyboards and screen readers).
 */
export function CountryMap({ basePath, view, rows }: { basePath: string; view: DashboardView; rows: StatsRow[] }) {
  const visitors = new Map(rows.map((row) => [row.value ?? '', row.metrics.visitors ?? 0]));
  const max = Math.max(1, ...visitors.values());
  return (
    <div className="mt-3">
      <svg
        viewBox={`0 0 ${MAP_WIDTH} ${MAP_HEIGHT}`}
        className="h-auto w-full"
        aria-hidden="true"
        focusable="false"
        data-testid="country-map"
      >
        {worldShapes().map(({ code, path }) => {
          const count = visitors.get(code) ?? 0;
          // A square-root scale, so that small countries still show against a dominant one.
          const share = count ? 0.15 + 0.85 * Math.sqrt(count / max) : 0;
          const shape = (
            <path
              d={path}
              className={count ? 'fill-brand-600 stroke-white hover:fill-brand-700' : 'fill-slate-200 stroke-white'}
              style={count ? { fillOpacity: share } : undefined}
              strokeWidth={0.5}
            >
              <title>{`${formatValue('country', code)}: ${formatCount(count)} ${count === 1 ? 'visitor' : 'visitors'}`}</title>
            </path>
          );
          return count ? (
            <Link
              key={code}
              href={`${basePath}${viewQuery(withFilter(view, { dimension: 'country', operator: 'is', values: [code] }))}`}
              scroll={false}
              tabIndex={-1}
              data-country={code}
            >
              {shape}
            </Link>
          ) : (
            <g key={code}>{shape}</g>
          );
        })}
      </svg>
      <p className="sr-only">The map shows the visitors per country listed in the table below.</p>
    </div>
  );
}
