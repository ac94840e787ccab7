import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';

import { DashboardPanels } from '@/components/dashboard/dashboard-panels';
import { FilterBar } from '@/components/dashboard/filter-bar';
import { InstallPanel } from '@/components/dashboard/install-panel';
import { KeyboardShortcuts } from '@/components/dashboard/keyboard-shortcuts';
import { RangePicker } from '@/components/dashboard/range-picker';
import { RealtimeVisitors } from '@/components/dashboard/realtime-visitors';
import { SiteBreadcrumb } from '@/components/dashboard/site-breadcrumb';
import { config } from '@/lib/config';
import { db } from '@/lib/db/client';
import { siteHasEvents } from '@/lib/sites/create-site';
import { loadDashboard } from '@/lib/stats/dashboard';
import { parseDashboardView, RANGE_SHORTCUTS, viewQuery, withRange } from '@/lib/stats/dashboard-view';
import { realtimeSnapshot } from '@/lib/stats/realtime';

import { siteForRequest } from './site-for-request';

export const metadata: Metadata = { title: 'Dashboard', description: 'Traffic overview for your site.' };

export default async function SiteDashboardPage({
  params,
  searchParams,
}: {
  params: Promise<{ siteId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { siteId } = await params;
  const view = parseDashboardView(await searchParams);
  const { site } = await siteForRequest(siteId);
  if (!site) notFound();
  const basePath = `/sites/${site.id}`;
  const [dashboard, receivedEvents, realtime] = await Promise.all([
    loadDashboard(db(), site, view),
    siteHasEvents(db(), site.id),
    realtimeSnapshot(db(), site.id),
  ]);
  const snippet = `<script defer data-domain="${site.domain}" src="${config().APP_URL}/js/script.js"></script>`;
  const shortcuts = Object.fromEntries(
    Object.entries(RANGE_SHORTCUTS).map(([preset, key]) => [
      key,
      `${basePath}${viewQuery(withRange(view, preset as keyof typeof RANGE_SHORTCUTS))}`,
    ]),
  );
  const exportQuery = viewQuery(view);
  return (
    <>
      <KeyboardShortcuts links={shortcuts} />
      <SiteBreadcrumb domain={site.domain} siteHref={basePath} />
      <div className="mt-2 flex flex-wrap items-center justify-between gap-3">
        <div className="flex flex-wrap items-baseline gap-x-4 gap-y-1">
          <h1 className="text-2xl font-bold tracking-tight">{site.domain}</h1>
          <RealtimeVisitors endpoint={`/api/sites/${site.id}/realtime`} initial={realtime} />
        </div>
        <div className="flex items-center gap-2">
          <span className="hidden text-sm text-slate-600 sm:inline">{site.timezone}</span>
          <Link
            href={`/sites/${site.id}/settings`}
            className="rounded-xl border border-slate-200 bg-white px-3 py-2 text-sm font-semibold shadow-sm hover:bg-slate-50"
          >
            Settings
          </Link>
          <RangePicker basePath={basePath} view={view} />
        </div>
      </div>
      <FilterBar basePath={basePath} view={view} />
      {receivedEvents ? null : <InstallPanel siteId={site.id} snippet={snippet} />}
      <DashboardPanels basePath={basePath} view={view} dashboard={dashboard} />
      <p className="mt-6 flex flex-wrap justify-end gap-4 text-sm">
        <a href={`/api/sites/${site.id}/export${exportQuery}`} className="font-semibold text-brand-700 hover:underline">
          Export this view (ZIP of CSV files)
        </a>
      </p>
    </>
  );
}
