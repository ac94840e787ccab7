import type { Metadata } from 'next';
import Link from 'next/link';

import { primaryButtonClass } from '@/components/ui/styles';

import { requireUser } from '@/lib/auth/current-user';
import { db } from '@/lib/db/client';
import { listSitesForTeam } from '@/lib/sites/access';
import { can } from '@/lib/teams/permissions';

import { currentTeamOf } from '../current-team';
import { TwoFactorNotice } from '../teams/[teamId]/two-factor-notice';

export const metadata: Metadata = { title: 'Sites', description: 'Your sites.' };

export default async function SitesPage() {
  const user = await requireUser();
  const { current } = await currentTeamOf(user.id);
  if (!current) {
    return (
      <>
        <h1 className="text-2xl font-bold tracking-tight">Sites</h1>
        <p className="mt-6 text-slate-600">
          You are not in any team yet.{' '}
          <Link href="/teams/new" className="font-medium text-brand-700 hover:underline">
            Create a team
          </Link>{' '}
          to add your sites, or ask a team to invite you.
        </p>
      </>
    );
  }
  const sites = current.blocked ? [] : await listSitesForTeam(db(), { userId: user.id }, current.id);
  return (
    <>
      <div className="flex flex-wrap items-center justify-between gap-4">
        <div>
          <h1 className="text-2xl font-bold tracking-tight">Sites</h1>
          <p className="mt-1 text-sm text-slate-600">
            of{' '}
            <Link href={`/teams/${current.id}`} className="font-medium text-brand-700 hover:underline">
              {current.name}
            </Link>
          </p>
        </div>
        {can(current.role, 'sites:manage') && !current.blocked ? (
          <Link href="/sites/new" className={primaryButtonClass}>
            Add a site
          </Link>
        ) : null}
      </div>
      {current.blocked ? (
        <TwoFactorNotice teamName={current.name} />
      ) : sites.length === 0 ? (
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
                <span className="mt-1 block text-sm text-slate-600">{site.timezone}</span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
