import type { Metadata } from 'next';
import { cookies } from 'next/headers';
import { notFound } from 'next/navigation';

import { shareCookieName } from '@/lib/auth/cookies';
import { db } from '@/lib/db/client';
import { findSharedLink, isUnlocked } from '@/lib/sharing/shared-link-access';
import { parseDashboardView } from '@/lib/stats/dashboard-view';

import { SharedChrome } from './shared-chrome';
import { sharedDashboardMetadata } from './shared-metadata';
import { SharedDashboard } from './shared-dashboard';
import { UnlockForm } from './unlock-form';

export const metadata: Metadata = sharedDashboardMetadata;

export default async function SharedLinkPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { slug } = await params;
  const link = await findSharedLink(db(), slug);
  if (!link) notFound();
  const unlocked = isUnlocked(link, (await cookies()).get(shareCookieName())?.value);
  return (
    <SharedChrome>
      {unlocked ? (
        <SharedDashboard
          link={link}
          view={parseDashboardView(await searchParams)}
          basePath={`/share/${link.slug}`}
          fullLists
        />
      ) : (
        <UnlockForm slug={link.slug} />
      )}
    </SharedChrome>
  );
}
