import { DashboardPanels } from '@/components/dashboard/dashboard-panels';
import { FilterBar } from '@/components/dashboard/filter-bar';
import { KeyboardShortcuts } from '@/components/dashboard/keyboard-shortcuts';
import { RangePicker } from '@/components/dashboard/range-picker';
import { RealtimeVisitors } from '@/components/dashboard/realtime-visitors';
import { db } from '@/lib/db/client';
import type { SharedLinkView } from '@/lib/sharing/shared-link-access';
import { loadDashboard } from '@/lib/stats/dashboard';
import { RANGE_SHORTCUTS, viewQuery, withRange, type DashboardView } from '@/lib/stats/dashboard-view';
import { realtimeSnapshot } from '@/lib/stats/realtime';

/**
 * A shared link's read-only dashboard: the same panels, ranges and filters as the signed-in one,
 * without settings or export. Callers have checked the link and its password.
 */
export async function SharedDashboard({
  link,
  view,
  basePath,
  fullLists = false,
}: {
  link: SharedLinkView;
  view: DashboardView;
  basePath: string;
  /** Link "All N values" to the shared breakdown pages (not from an embed, which would leave its frame). */
  fullLists?: boolean;
}) {
  const [dashboard, realtime] = await Promise.all([
    loadDashboard(db(), link.site, view),
    realtimeSnapshot(db(), link.site.id),
  ]);
  const shortcuts = Object.fromEntries(
    Object.entries(RANGE_SHORTCUTS).map(([preset, key]) => [
      key,
      `${basePath}${viewQuery(withRange(view, preset as keyof typeof RANGE_SHORTCUTS))}`,
    ]),
  );
  return (
    <>
      <KeyboardShortcuts links={shortcuts} />
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div className="flex flex-wrap items-baseline gap-x-4 gap-y-1">
          <h1 className="text-2xl font-bold tracking-tight">{link.site.domain}</h1>
          <RealtimeVisitors endpoint={`/api/share/${link.slug}/realtime`} initial={realtime} />
        </div>
        <div className="flex items-center gap-2">
          <span className="hidden text-sm text-slate-600 sm:inline">{link.site.timezone}</span>
          <RangePicker basePath={basePath} view={view} />
        </div>
      </div>
      <FilterBar basePath={basePath} view={view} />
      <DashboardPanels basePath={basePath} view={view} dashboard={dashboard} fullLists={fullLists} />
    </>
  );
}
