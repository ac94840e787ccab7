import type { Metadata } from 'next';
import { cookies } from 'next/headers';
import Link from 'next/link';
import { notFound } from 'next/navigation';

import { FullBreakdown } from '@/components/dashboard/full-breakdown';
import { shareCookieName } from '@/lib/auth/cookies';
import { db } from '@/lib/db/client';
import { findSharedLink, isUnlocked } from '@/lib/sharing/shared-link-access';
import { dimensionSchema } from '@/lib/stats/query/schema';

import { SharedChrome } from '../../shared-chrome';
import { UnlockForm } from '../../unlock-form';

export const metadata: Metadata = {
  title: 'Shared dashboard',
  description: 'A read-only web-analytics dashboard shared with Glance.',
  robots: { index: false, follow: false },
};

/** Every value of one dimension for a shared link: searchable, sortable, paginated (no CSV). */
export default async function SharedBreakdownPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string; dimension: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { slug, dimension: rawDimension } = await params;
  const parsedDimension = dimensionSchema.safeParse(decodeURIComponent(rawDimension));
  const link = await findSharedLink(db(), slug);
  if (!link || !parsedDimension.success) notFound();
  if (!isUnlocked(link, (await cookies()).get(shareCookieName())?.value)) {
    return (
      <SharedChrome>
        <UnlockForm slug={link.slug} />
      </SharedChrome>
    );
  }
  return (
    <SharedChrome>
      <FullBreakdown
        site={link.site}
        basePath={`/share/${link.slug}`}
        dimension={parsedDimension.data}
        search={await searchParams}
        breadcrumb={(dashboardHref, label) => (
          <nav aria-label="Breadcrumb" className="text-sm text-slate-600">
            <Link href={dashboardHref} className="hover:underline">
              {link.site.domain}
            </Link>{' '}
            / <span className="text-ink">{label}</span>
          </nav>
        )}
      />
    </SharedChrome>
  );
}
