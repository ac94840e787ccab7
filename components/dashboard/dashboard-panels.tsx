import { WIDGET_ROWS, type Dashboard } from '@/lib/stats/dashboard';
import { CHART_METRICS, viewQuery, WIDGETS, type DashboardView, type WidgetId } from '@/lib/stats/dashboard-view';

import { BreakdownCard } from './breakdown-card';
import { ChartCard } from './chart-card';
import { CountryMap } from './country-map';
import { FunnelCard } from './funnel-card';
import { MetricCards } from './metric-cards';

const WIDGET_TITLES: Record<WidgetId, string> = {
  sources: 'Sources',
  pages: 'Pages',
  locations: 'Locations',
  devices: 'Devices',
};

/**
 * The body of a dashboard: top-line metrics, the chart, the four breakdowns and goals. Shared by the
 * signed-in dashboard and public shared links; every link stays under `basePath`.
 */
export function DashboardPanels({
  basePath,
  view,
  dashboard,
  fullLists = true,
}: {
  basePath: string;
  view: DashboardView;
  dashboard: Dashboard;
  /** Whether "All N values" links to the full breakdown pages (which shared links do not have). */
  fullLists?: boolean;
}) {
  return (
    <>
      <MetricCards
        metrics={CHART_METRICS}
        current={dashboard.topLine.rows[0]?.metrics ?? {}}
        previous={dashboard.topLine.comparison?.[0]?.metrics ?? {}}
        selected={view.metric}
        hrefFor={(metric) => `${basePath}${viewQuery({ ...view, metric })}`}
      />
      <ChartCard basePath={basePath} view={view} series={dashboard.series} />
      <div className="mt-6 grid gap-5 lg:grid-cols-2">
        {(Object.keys(WIDGETS) as WidgetId[]).map((widget) => {
          const { dimension, result } = dashboard.breakdowns[widget];
          return (
            <BreakdownCard
              key={widget}
              title={WIDGET_TITLES[widget]}
              basePath={basePath}
              view={view}
              fullList={fullLists}
              dimension={dimension}
              rows={result.rows.slice(0, WIDGET_ROWS)}
              totalRows={result.totalRows}
              visual={
                dimension === 'country' ? <CountryMap basePath={basePath} view={view} rows={result.rows} /> : undefined
              }
              tabs={WIDGETS[widget].map((tab) => ({
                dimension: tab,
                href: `${basePath}${viewQuery({ ...view, tabs: { ...view.tabs, [widget]: tab } })}`,
              }))}
            />
          );
        })}
        <BreakdownCard
          title="Goals"
          basePath={basePath}
          view={view}
          fullList={fullLists}
          dimension="goal"
          rows={dashboard.goals.rows}
          totalRows={dashboard.goals.totalRows}
          columns={4}
          className="lg:col-span-2"
        />
        <FunnelCard basePath={basePath} view={view} funnels={dashboard.funnels} />
      </div>
    </>
  );
}
