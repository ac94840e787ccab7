import type { Metadata } from 'next';
import { notFound } from 'next/navigation';

import { FullBreakdown } from '@/components/dashboard/full-breakdown';
import { SiteBreadcrumb } from '@/components/dashboard/site-breadcrumb';
import { dimensionSchema } from '@/lib/stats/query/schema';

import { siteForRequest } from '../../site-for-request';

export const metadata: Metadata = { title: 'Breakdown', description: 'Every value of one dimension.' };

/** One dimension in full: searchable, sortable by any of its metrics, paginated, exportable. */
export default async function BreakdownPage({
  params,
  searchParams,
}: {
  params: Promise<{ siteId: string; dimension: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { siteId, dimension: rawDimension } = await params;
  const search = await searchParams;
  const parsedDimension = dimensionSchema.safeParse(decodeURIComponent(rawDimension));
  if (!parsedDimension.success) notFound();
  const dimension = parsedDimension.data;
  const { site } = await siteForRequest(siteId);
  if (!site) notFound();
  return (
    <FullBreakdown
      site={site}
      basePath={`/sites/${site.id}`}
      dimension={dimension}
      search={search}
      breadcrumb={(dashboardHref, label) => (
        <SiteBreadcrumb domain={site.domain} siteHref={dashboardHref} current={label} />
      )}
      csvHref={(query) =>
        `/api/sites/${site.id}/export${query || '?'}${query ? '&' : ''}dimension=${encodeURIComponent(dimension)}`
      }
    />
  );
}
