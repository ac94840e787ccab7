import Link from 'next/link';

import { viewQuery, type DashboardView } from '@/lib/stats/dashboard-view';
import type { Dashboard } from '@/lib/stats/dashboard';

import { formatCount, formatPercent } from './format';

/**
 * A funnel: each step with the visitors who reached it in order within a visit, the share of those who
 * entered, and how many were lost since the step before. Tabs switch between the site's funnels.
 */
export function FunnelCard({
  basePath,
  view,
  funnels,
}: {
  basePath: string;
  view: DashboardView;
  funnels: Dashboard['funnels'];
}) {
  const result = funnels.selected;
  if (!result) return null;
  return (
    <section
      aria-labelledby="funnel-heading"
      className="rounded-2xl border border-slate-200 bg-white p-5 shadow-sm lg:col-span-2"
    >
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="funnel-heading" className="font-semibold">
          Funnel: {result.funnel.name}
        </h2>
        {funnels.list.length > 1 ? (
          <nav aria-label="Funnels" className="flex flex-wrap gap-1 text-xs">
            {funnels.list.map((funnel) => (
              <Link
                key={funnel.id}
                href={`${basePath}${viewQuery({ ...view, funnel: funnel.id })}`}
                scroll={false}
                aria-current={funnel.id === result.funnel.id ? 'true' : undefined}
                className={`rounded-md px-2 py-1 font-medium ${
                  funnel.id === result.funnel.id ? 'bg-slate-900 text-white' : 'text-slate-600 hover:bg-slate-100'
                }`}
              >
                {funnel.name}
              </Link>
            ))}
          </nav>
        ) : null}
      </div>
      {result.steps[0]!.visitors === 0 ? (
        <p className="mt-6 mb-2 text-center text-sm text-slate-600">Nobody entered this funnel in this period.</p>
      ) : (
        <table className="mt-3 w-full text-sm">
          <thead>
            <tr className="text-left text-xs text-slate-600 uppercase">
              <th scope="col" className="py-1 font-semibold">
                Step
              </th>
              <th scope="col" className="py-1 pl-2 text-right font-semibold">
                Visitors
              </th>
              <th scope="col" className="py-1 pl-2 text-right font-semibold">
                Conversion
              </th>
              <th scope="col" className="hidden py-1 pl-2 text-right font-semibold sm:table-cell">
                Drop-off
              </th>
            </tr>
          </thead>
          <tbody>
            {result.steps.map((step, index) => (
              <tr key={index} data-testid="funnel-step">
                <td className="relative w-full max-w-0 py-1.5 pr-2">
                  <span
                    aria-hidden="true"
                    className="absolute inset-y-0.5 left-0 rounded bg-brand-50"
                    style={{ width: `${step.conversionRate * 100}%` }}
                  />
                  <span className="relative block truncate px-2">
                    <span className="text-slate-600">{index + 1}.</span> {step.label}
                  </span>
                </td>
                <td className="py-1.5 pl-2 text-right whitespace-nowrap tabular-nums">{formatCount(step.visitors)}</td>
                <td className="py-1.5 pl-2 text-right whitespace-nowrap tabular-nums">
                  {formatPercent(step.conversionRate)}
                </td>
                <td className="hidden py-1.5 pl-2 text-right whitespace-nowrap tabular-nums sm:table-cell">
                  {index === 0 ? '–' : `${formatCount(step.dropOff)} (${formatPercent(step.dropOffRate)})`}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
