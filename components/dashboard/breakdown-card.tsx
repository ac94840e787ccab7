import type { BreakdownRow } from '@/lib/stats/overview';

import { formatCount } from './format';

export function BreakdownCard({ title, column, rows }: { title: string; column: string; rows: BreakdownRow[] }) {
  const max = Math.max(1, ...rows.map((row) => row.visitors));
  return (
    <section className="rounded-2xl border border-slate-200 bg-white p-5 shadow-sm">
      <h2 className="font-semibold">{title}</h2>
      {rows.length === 0 ? (
        <p className="mt-4 text-sm text-slate-600">No data yet.</p>
      ) : (
        <table className="mt-3 w-full text-sm">
          <thead>
            <tr className="text-left text-xs text-slate-600 uppercase">
              <th scope="col" className="py-1 font-semibold">
                {column}
              </th>
              <th scope="col" className="py-1 text-right font-semibold">
                Visitors
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.label}>
                <td className="relative py-1.5 pr-2">
                  <span
                    aria-hidden="true"
                    className="absolute inset-y-0.5 left-0 rounded bg-brand-50"
                    style={{ width: `${(row.visitors / max) * 100}%` }}
                  />
                  <span className="relative block truncate px-2">{row.label}</span>
                </td>
                <td className="py-1.5 text-right tabular-nums">{formatCount(row.visitors)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
