import type { Metadata } from 'next';
import Link from 'next/link';

import { requireUser } from '@/lib/auth/current-user';
import { timeZones } from '@/lib/sites/site-input';
import { can } from '@/lib/teams/permissions';

import { currentTeamOf } from '../../current-team';

import { NewSiteForm } from './new-site-form';

export const metadata: Metadata = { title: 'Add a site', description: 'Start counting visitors on a new website.' };

export default async function NewSitePage() {
  const user = await requireUser();
  // The current team comes first (preselected); teams whose 2FA policy blocks the user are left out.
  const { teams: all, current } = await currentTeamOf(user.id);
  const teams = all
    .filter((team) => can(team.role, 'sites:manage') && !team.blocked)
    .sort((a, b) => Number(b.id === current?.id) - Number(a.id === current?.id));
  return (
    <>
      <nav aria-label="Breadcrumb" className="text-sm text-slate-600">
        <Link href="/sites" className="hover:underline">
          Sites
        </Link>{' '}
        / <span className="text-ink">Add a site</span>
      </nav>
      <h1 className="mt-2 text-2xl font-bold tracking-tight">Add a site</h1>
      <div className="mt-6 max-w-xl rounded-2xl border border-slate-200 bg-white p-6 shadow-sm">
        {teams.length === 0 ? (
          <p className="text-slate-600">
            Only owners and admins of a team can add sites. Ask one of them to add yours.
          </p>
        ) : (
          <NewSiteForm teams={teams.map(({ id, name }) => ({ id, name }))} timeZones={timeZones()} />
        )}
      </div>
    </>
  );
}
