import type { Metadata } from 'next';
import Link from 'next/link';

import { primaryButtonClass } from '@/components/ui/styles';

import { requireUser } from '@/lib/auth/current-user';
import { db } from '@/lib/db/client';
import { listSitesForUser } from '@/lib/sites/access';

export const metadata: Metadata = { title: 'Sites', description: 'Your sites.' };

export default async function SitesPage() {
  const user = await requireUser();
  const sites = await listSitesForUser(db(), user.id);
  return (
    <>
      <div className="flex items-center justify-between gap-4">
        <h1 className="text-2xl font-bold tracking-tight">Sites</h1>
        <Link href="/sites/new" className={primaryButtonClass}>
          Add a site
        </Link>
      </div>
      {sites.length === 0 ? (
        <p className="mt-6 text-slate-600">You have no sites yet.</p>
      ) : (
        <ul className="mt-6 grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {sites.map((site) => (
            <li key={site.id}>
              <Link
                href={`/sites/${site.id}`}
                className="block rounded-2xl border border-slate-200 bg-white p-5 shadow-sm transition hover:border-brand-500 hover:shadow"
              >
                <span className="block font-semibold">{site.domain}</span>
                <span className="mt-1 block text-sm text-slate-600">
                  {site.team.name} · {site.timezone}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
