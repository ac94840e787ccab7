import { BreakdownCard } from '@/components/dashboard/breakdown-card';
import { MainChart } from '@/components/dashboard/main-chart';
import { MetricCards } from '@/components/dashboard/metric-cards';
import { CHART_METRICS } from '@/lib/stats/dashboard-view';

import {
  SAMPLE_COUNTRIES,
  SAMPLE_CURRENT,
  SAMPLE_PAGES,
  SAMPLE_POINTS,
  SAMPLE_PREVIOUS,
  SAMPLE_SOURCES,
} from './sample-overview';

/** The real dashboard widgets fed with a fixed sample, framed like a browser window and labelled as a preview. */
export function DashboardPreview() {
  return (
    <figure className="overflow-hidden rounded-3xl border border-slate-200 bg-slate-50 shadow-xl shadow-brand-500/10">
      <div className="flex items-center gap-2 border-b border-slate-200 bg-white px-4 py-3">
        <span aria-hidden="true" className="h-3 w-3 rounded-full bg-slate-200" />
        <span aria-hidden="true" className="h-3 w-3 rounded-full bg-slate-200" />
        <span aria-hidden="true" className="h-3 w-3 rounded-full bg-slate-200" />
        <span className="ml-3 truncate text-sm font-semibold text-ink">example.com</span>
        <span className="ml-auto rounded-full bg-amber-100 px-2.5 py-0.5 text-xs font-semibold text-amber-900">
          Sample data
        </span>
      </div>
      <div className="px-4 pb-6 sm:px-6">
        <MetricCards metrics={CHART_METRICS} current={SAMPLE_CURRENT} previous={SAMPLE_PREVIOUS} selected="visitors" />
        <div className="mt-6 rounded-2xl border border-slate-200 bg-white p-5 shadow-sm">
          <p className="text-sm font-semibold text-slate-700">Visitors per day</p>
          <MainChart
            metric="visitors"
            granularity="day"
            points={SAMPLE_POINTS}
            summary="Visitors per day over 30 days (sample data), rising, with one launch-day spike"
          />
        </div>
        <div className="mt-6 grid gap-5 lg:grid-cols-3">
          <BreakdownCard title="Top pages" dimension="page" rows={SAMPLE_PAGES} />
          <BreakdownCard title="Top sources" dimension="source" rows={SAMPLE_SOURCES} />
          <BreakdownCard title="Countries" dimension="country" rows={SAMPLE_COUNTRIES} />
        </div>
      </div>
      <figcaption className="border-t border-slate-200 bg-white px-4 py-3 text-center text-sm text-slate-600">
        A preview of the dashboard with made-up numbers for an imaginary site: last 30 days, compared with the 30
        before.
      </figcaption>
    </figure>
  );
}
