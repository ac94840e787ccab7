import type { Metadata } from 'next';
import { notFound } from 'next/navigation';

import { SiteBreadcrumb } from '@/components/dashboard/site-breadcrumb';
import { db } from '@/lib/db/client';
import { listGoals } from '@/lib/sites/goals';
import { readSiteSettings } from '@/lib/sites/site-settings';
import { can } from '@/lib/teams/permissions';

import { siteForRequest } from '../site-for-request';

import { deleteGoalAction } from './actions';
import { CollectionSettingsForm } from './collection-settings-form';
import { DeleteSiteForm } from './delete-site-form';
import { ExcludedIpsForm } from './excluded-ips-form';
import { FunnelsSection } from './funnels-section';
import { GoalForm } from './goal-form';
import { SharedLinksSection } from './shared-links-section';

export const metadata: Metadata = {
  title: 'Site settings',
  description: 'Goals, funnels, data collection, shared links and deletion of a site.',
};

export default async function SiteSettingsPage({ params }: { params: Promise<{ siteId: string }> }) {
  const { siteId } = await params;
  const { site } = await siteForRequest(siteId);
  if (!site) notFound();
  const { role } = site;
  const [goals, settings] = await Promise.all([listGoals(db(), site.id), readSiteSettings(db(), site.id)]);
  if (!settings) notFound();
  const manageGoals = can(role, 'goals:manage');
  return (
    <>
      <SiteBreadcrumb domain={site.domain} siteHref={`/sites/${site.id}`} current="Settings" />
      <h1 className="mt-2 text-2xl font-bold tracking-tight">Settings for {site.domain}</h1>

      <section aria-labelledby="goals" className="mt-6 rounded-2xl border border-slate-200 bg-white p-5 shadow-sm">
        <h2 id="goals" className="font-semibold">
          Goals
        </h2>
        <p className="mt-1 text-sm text-slate-600">
          A goal counts the visitors who send a custom event or view a page. Goals apply to past data too.
        </p>
        {goals.length === 0 ? (
          <p className="mt-4 text-sm text-slate-600">No goals yet.</p>
        ) : (
          <ul className="mt-4 divide-y divide-slate-100 text-sm">
            {goals.map((goal) => (
              <li key={goal.id} className="flex items-center justify-between gap-3 py-2">
                <span>
                  <span className="font-medium">{goal.displayName}</span>{' '}
                  <span className="text-slate-600">
                    ({goal.kind === 'EVENT' ? `event “${goal.eventName}”` : `pageview of ${goal.pathPattern}`})
                  </span>
                </span>
                {manageGoals ? (
                  <form action={deleteGoalAction.bind(null, site.id)}>
                    <input type="hidden" name="goalId" value={goal.id} />
                    <button type="submit" className="text-sm font-semibold text-red-700 hover:underline">
                      Remove<span className="sr-only"> goal {goal.displayName}</span>
                    </button>
                  </form>
                ) : null}
              </li>
            ))}
          </ul>
        )}
        {manageGoals ? (
          <div className="mt-5 grid gap-5 border-t border-slate-100 pt-4 md:grid-cols-2">
            <GoalForm siteId={site.id} kind="EVENT" />
            <GoalForm siteId={site.id} kind="PAGEVIEW" />
          </div>
        ) : null}
      </section>

      <FunnelsSection siteId={site.id} canManage={manageGoals} />

      {can(role, 'sites:manage') ? (
        <section
          aria-labelledby="collection"
          className="mt-6 rounded-2xl border border-slate-200 bg-white p-5 shadow-sm"
        >
          <h2 id="collection" className="font-semibold">
            Data collection
          </h2>
          <p className="mt-1 text-sm text-slate-600">
            What Glance records for this site. Changes apply to new hits at once; past data stays as it is.
          </p>
          <CollectionSettingsForm siteId={site.id} settings={settings} />
        </section>
      ) : null}

      {can(role, 'sites:manage') ? (
        <section
          aria-labelledby="excluded-ips-title"
          className="mt-6 rounded-2xl border border-slate-200 bg-white p-5 shadow-sm"
        >
          <h2 id="excluded-ips-title" className="font-semibold">
            Excluded IP addresses
          </h2>
          <p className="mt-1 text-sm text-slate-600">
            Hits from these addresses are dropped before anything is stored — your office, your own devices. Glance
            keeps only a hash of each address with this site&apos;s id, so the list cannot be shown again; a hash of an
            IPv4 address can be reversed by trying them all, so treat it as hidden, not secret.
          </p>
          <ExcludedIpsForm siteId={site.id} count={site.excludedIpHashes.length} />
        </section>
      ) : null}

      {can(role, 'sites:manage') ? <SharedLinksSection siteId={site.id} canManage /> : null}

      {can(role, 'sites:manage') ? (
        <section aria-labelledby="danger" className="mt-6 rounded-2xl border border-red-200 bg-white p-5 shadow-sm">
          <h2 id="danger" className="font-semibold text-red-800">
            Delete this site
          </h2>
          <p className="mt-1 text-sm text-slate-700">
            Deletes the site, its goals and every event and visit recorded for it, immediately and for good. It cannot
            be undone; export what you want to keep first.
          </p>
          <DeleteSiteForm siteId={site.id} domain={site.domain} />
        </section>
      ) : null}
    </>
  );
}
