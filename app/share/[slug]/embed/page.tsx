import type { Metadata } from 'next';
import { notFound } from 'next/navigation';

import { db } from '@/lib/db/client';
import { findSharedLink } from '@/lib/sharing/shared-link-access';
import { parseDashboardView } from '@/lib/stats/dashboard-view';

import { SharedDashboard } from '../shared-dashboard';
import { sharedDashboardMetadata } from '../shared-metadata';

export const metadata: Metadata = sharedDashboardMetadata;

/**
 * The shared dashboard without page chrome, for iframes on other sites. Only links whose owner turned
 * embedding on exist here (proxy.ts relaxes frame-ancestors for exactly those); others are 404.
 */
export default async function EmbeddedSharedLinkPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { slug } = await params;
  const link = await findSharedLink(db(), slug);
  if (!link?.allowEmbed || link.passwordHash) notFound();
  return (
    <main className="mx-auto max-w-6xl px-4 py-5">
      <SharedDashboard
        link={link}
        view={parseDashboardView(await searchParams)}
        basePath={`/share/${link.slug}/embed`}
      />
      <p className="mt-6 text-right text-xs text-slate-600">
        Privacy-first analytics by{' '}
        <a href="/" target="_blank" rel="noopener" className="font-semibold text-brand-700 hover:underline">
          Glance
        </a>
      </p>
    </main>
  );
}
