import Link from 'next/link';

import { PERIODS, type PeriodKey } from '@/lib/stats/period';

/** Links, not a client widget: each period is a plain, shareable URL. */
export function PeriodPicker({ basePath, current }: { basePath: string; current: PeriodKey }) {
  return (
    <nav aria-label="Period" className="flex flex-wrap gap-1 rounded-xl border border-slate-200 bg-white p-1 shadow-sm">
      {(Object.keys(PERIODS) as PeriodKey[]).map((key) => (
        <Link
          key={key}
          href={`${basePath}?period=${key}`}
          aria-current={key === current ? 'page' : undefined}
          className={`rounded-lg px-3 py-1.5 text-sm font-medium ${
            key === current ? 'bg-brand-600 text-white' : 'text-slate-700 hover:bg-slate-100'
          }`}
        >
          {PERIODS[key].label}
        </Link>
      ))}
    </nav>
  );
}
