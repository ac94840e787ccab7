import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';

import { BreakdownCard } from '@/components/dashboard/breakdown-card';
import { InstallPanel } from '@/components/dashboard/install-panel';
import { MetricCards } from '@/components/dashboard/metric-cards';
import { PeriodPicker } from '@/components/dashboard/period-picker';
import { VisitorsChart } from '@/components/dashboard/visitors-chart';
import { requireUser } from '@/lib/auth/current-user';
import { db } from '@/lib/db/client';
import { config } from '@/lib/config';
import { findSiteForUser } from '@/lib/sites/access';
import { siteHasEvents } from '@/lib/sites/create-site';
import { queryOverview } from '@/lib/stats/overview';
import { parsePeriod, PERIODS } from '@/lib/stats/period';

export const metadata: Metadata = { title: 'Dashboard', description: 'Traffic overview for your site.' };

export default async function SiteDashboardPage({
  params,
  searchParams,
}: {
  params: Promise<{ siteId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { siteId } = await params;
  const period = parsePeriod((await searchParams).period);
  const { days, label } = PERIODS[period];
  const user = await requireUser();
  const site = await findSiteForUser(db(), user.id, siteId);
  if (!site) notFound();
  const [overview, receivedEvents] = await Promise.all([queryOverview(db(), site, days), siteHasEvents(db(), site.id)]);
  const snippet = `<script defer data-domain="${site.domain}" src="${config().APP_URL}/js/script.js"></script>`;
  return (
    <>
      <nav aria-label="Breadcrumb" className="text-sm text-slate-600">
        <Link href="/sites" className="hover:underline">
          Sites
        </Link>{' '}
        / <span className="text-ink">{site.domain}</span>
      </nav>
      <div className="mt-2 flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-bold tracking-tight">{site.domain}</h1>
        <p className="text-sm text-slate-600">
          {label} · {site.timezone}
        </p>
      </div>
      <div className="mt-4">
        <PeriodPicker basePath={`/sites/${site.id}`} current={period} />
      </div>
      {receivedEvents ? null : <InstallPanel siteId={site.id} snippet={snippet} />}
      <MetricCards topLine={overview.topLine} previous={overview.previous} />
      <VisitorsChart series={overview.series} />
      <div className="mt-6 grid gap-5 lg:grid-cols-3">
        <BreakdownCard title="Top pages" column="Page" rows={overview.topPages} />
        <BreakdownCard title="Top sources" column="Source" rows={overview.topSources} />
        <BreakdownCard title="Countries" column="Country" rows={overview.topCountries} />
      </div>
    </>
  );
}
