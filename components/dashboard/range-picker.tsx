import Link from 'next/link';

import {
  RANGE_LABELS,
  RANGE_SHORTCUTS,
  rangeLabel,
  viewQuery,
  withRange,
  type DashboardView,
} from '@/lib/stats/dashboard-view';
import { RANGE_PRESETS } from '@/lib/stats/query/schema';

import { inputClass, secondaryButtonClass } from '@/components/ui/styles';

/** The date range: a disclosure of plain links (each a shareable URL) and a custom-range form. */
export function RangePicker({ basePath, view }: { basePath: string; view: DashboardView }) {
  const current = typeof view.range === 'object' ? 'custom' : view.range;
  const keep = { ...view, range: '30d' as const };
  return (
    <details className="group relative">
      <summary className="flex cursor-pointer list-none items-center gap-2 rounded-xl border border-slate-200 bg-white px-3 py-2 text-sm font-semibold shadow-sm hover:bg-slate-50 focus-visible:ring-2 focus-visible:ring-brand-500 focus-visible:outline-none">
        <span className="sr-only">Date range: </span>
        {rangeLabel(view.range)}
        <span aria-hidden="true" className="text-slate-500 transition group-open:rotate-180">
          ▾
        </span>
      </summary>
      <div className="absolute right-0 z-20 mt-2 w-72 rounded-xl border border-slate-200 bg-white p-2 shadow-lg">
        <nav aria-label="Date range">
          <ul>
            {RANGE_PRESETS.map((preset) => (
              <li key={preset}>
                <Link
                  href={`${basePath}${viewQuery(withRange(view, preset))}`}
                  aria-current={preset === current ? 'page' : undefined}
                  className={`flex items-center justify-between rounded-lg px-3 py-1.5 text-sm ${
                    preset === current ? 'bg-brand-600 text-white' : 'text-slate-700 hover:bg-slate-100'
                  }`}
                >
                  {RANGE_LABELS[preset]}
                  {RANGE_SHORTCUTS[preset] ? (
                    <kbd
                      className={`rounded border px-1.5 text-xs ${preset === current ? 'border-white/40' : 'border-slate-300 text-slate-600'}`}
                    >
                      {RANGE_SHORTCUTS[preset]!.toUpperCase()}
                    </kbd>
                  ) : null}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <form action={basePath} className="mt-2 border-t border-slate-200 px-2 pt-2">
          <p className="text-xs font-semibold text-slate-600 uppercase">Custom range</p>
          {/* Keep the rest of the view (filters, tabs) when applying a custom range. */}
          {[...new URLSearchParams(viewQuery(keep).slice(1)).entries()].map(([name, value], index) => (
            <input key={`${name}-${index}`} type="hidden" name={name} value={value} />
          ))}
          <input type="hidden" name="period" value="custom" />
          <div className="grid grid-cols-2 gap-2">
            <label className="text-xs text-slate-700">
              From
              <input
                type="date"
                name="from"
                required
                defaultValue={typeof view.range === 'object' ? view.range.from : undefined}
                className={inputClass}
              />
            </label>
            <label className="text-xs text-slate-700">
              To
              <input
                type="date"
                name="to"
                required
                defaultValue={typeof view.range === 'object' ? view.range.to : undefined}
                className={inputClass}
              />
            </label>
          </div>
          <button type="submit" className={`${secondaryButtonClass} mt-2 w-full`}>
            Apply
          </button>
        </form>
      </div>
    </details>
  );
}
