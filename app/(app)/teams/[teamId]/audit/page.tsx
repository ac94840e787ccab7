// The audit-log viewer: owners and admins read their team's entries, filtered by action, actor and
// UTC dates (kept in the URL), 25 a page. Members get 403 (forbidden()), other people 404.
import type { Metadata } from 'next';
import Link from 'next/link';
import { forbidden, notFound } from 'next/navigation';

import { FormError } from '@/components/ui/form-error';
import { inputClass, labelClass, panelClass, primaryButtonClass, secondaryButtonClass } from '@/components/ui/styles';
import { AUDIT_ACTIONS, AUDIT_LABELS } from '@/lib/audit/audit-labels';
import { listAuditEntries, parseAuditFilter, type AuditFilter } from '@/lib/audit/list-audit';
import { requireUser } from '@/lib/auth/current-user';
import { db } from '@/lib/db/client';
import { Forbidden, Invalid, NotFound } from '@/lib/errors';

import { orTwoFactorNotice } from '../../../two-factor-gate';

export const metadata: Metadata = { title: 'Audit log', description: 'Who did what in the team, and when.' };

const timestamp = new Intl.DateTimeFormat('en', {
  dateStyle: 'medium',
  timeStyle: 'short',
  timeZone: 'UTC',
  hourCycle: 'h23',
});

function pageHref(teamId: string, filter: AuditFilter, page: number) {
  const query = new URLSearchParams();
  for (const key of ['action', 'actor', 'from', 'to'] as const) if (filter[key]) query.set(key, filter[key]!);
  if (page > 1) query.set('page', String(page));
  const search = query.toString();
  return `/teams/${teamId}/audit${search ? `?${search}` : ''}`;
}

export default async function AuditLogPage({
  params,
  searchParams,
}: {
  params: Promise<{ teamId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { teamId } = await params;
  const user = await requireUser();
  let filter: AuditFilter;
  let filterError: Invalid | null = null;
  try {
    filter = parseAuditFilter(await searchParams);
  } catch (error) {
    if (!(error instanceof Invalid)) throw error;
    filterError = error;
    filter = { page: 1 };
  }
  let log: Awaited<ReturnType<typeof listAuditEntries>>;
  try {
    log = await orTwoFactorNotice(listAuditEntries(db(), { userId: user.id }, teamId, filter));
  } catch (error) {
    if (error instanceof NotFound) notFound();
    if (error instanceof Forbidden) forbidden();
    throw error;
  }
  const page = Math.min(filter.page, log.pages);

  return (
    <div className="space-y-6">
      <form method="get" className={`${panelClass} grid gap-4 sm:grid-cols-2 lg:grid-cols-[1fr_1fr_10rem_10rem_auto]`}>
        <div>
          <label htmlFor="action" className={labelClass}>
            Action
          </label>
          <select id="action" name="action" defaultValue={filter.action ?? ''} className={inputClass}>
            <option value="">All actions</option>
            {AUDIT_ACTIONS.map((action) => (
              <option key={action} value={action}>
                {AUDIT_LABELS[action]}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="actor" className={labelClass}>
            Who
          </label>
          <select id="actor" name="actor" defaultValue={filter.actor ?? ''} className={inputClass}>
            <option value="">Anyone</option>
            {log.actors.map((actor) => (
              <option key={actor.id} value={actor.id}>
                {actor.email}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="from" className={labelClass}>
            From (UTC)
          </label>
          <input id="from" name="from" type="date" defaultValue={filter.from} className={inputClass} />
        </div>
        <div>
          <label htmlFor="to" className={labelClass}>
            To (UTC)
          </label>
          <input id="to" name="to" type="date" defaultValue={filter.to} className={inputClass} />
        </div>
        <div className="flex items-end gap-2">
          <button type="submit" className={primaryButtonClass}>
            Filter
          </button>
          <Link href={`/teams/${teamId}/audit`} className={secondaryButtonClass}>
            Clear
          </Link>
        </div>
        {filterError ? (
          <div className="sm:col-span-2 lg:col-span-5">
            <FormError message={`${filterError.message}: ${Object.values(filterError.fieldErrors).join(' ')}`} />
          </div>
        ) : null}
      </form>

      <section aria-labelledby="entries-heading" className={panelClass}>
        <h2 id="entries-heading" className="text-lg font-semibold">
          {log.total === 1 ? '1 entry' : `${log.total.toLocaleString('en')} entries`}
        </h2>
        {log.entries.length === 0 ? (
          <p className="mt-3 text-slate-600">Nothing matches these filters.</p>
        ) : (
          <>
            {/* Phones get one card per entry; wider screens the table. */}
            <ul className="mt-4 divide-y divide-slate-100 text-sm sm:hidden">
              {log.entries.map((entry) => (
                <li key={entry.id} className="py-3">
                  <p className="font-medium">{entry.label}</p>
                  <p className="break-words text-slate-700">{entry.actor}</p>
                  {entry.target || entry.details ? (
                    <p className="break-words text-slate-600">
                      {[entry.target, entry.details].filter(Boolean).join(' · ')}
                    </p>
                  ) : null}
                  <p className="text-slate-600">
                    <time dateTime={entry.at.toISOString()}>{timestamp.format(entry.at)} UTC</time>
                  </p>
                </li>
              ))}
            </ul>
            <div className="mt-4 hidden overflow-x-auto sm:block">
              <table className="w-full min-w-[36rem] text-left text-sm">
                <thead className="border-b border-slate-200 text-slate-600">
                  <tr>
                    <th scope="col" className="py-2 pr-4 font-medium">
                      When (UTC)
                    </th>
                    <th scope="col" className="py-2 pr-4 font-medium">
                      What
                    </th>
                    <th scope="col" className="py-2 pr-4 font-medium">
                      Who
                    </th>
                    <th scope="col" className="py-2 font-medium">
                      Details
                    </th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {log.entries.map((entry) => (
                    <tr key={entry.id}>
                      <td className="py-2 pr-4 whitespace-nowrap text-slate-600">
                        <time dateTime={entry.at.toISOString()}>{timestamp.format(entry.at)}</time>
                      </td>
                      <td className="py-2 pr-4 font-medium">{entry.label}</td>
                      <td className="py-2 pr-4 break-words">{entry.actor}</td>
                      <td className="py-2 text-slate-600">
                        {[entry.target, entry.details].filter(Boolean).join(' · ')}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
        {log.pages > 1 ? (
          <nav aria-label="Pages" className="mt-4 flex items-center justify-between gap-3 text-sm">
            {page > 1 ? (
              <Link href={pageHref(teamId, filter, page - 1)} className={secondaryButtonClass}>
                Newer
              </Link>
            ) : (
              <span />
            )}
            <span className="text-slate-600">
              Page {page} of {log.pages}
            </span>
            {page < log.pages ? (
              <Link href={pageHref(teamId, filter, page + 1)} className={secondaryButtonClass}>
                Older
              </Link>
            ) : (
              <span />
            )}
          </nav>
        ) : null}
      </section>
    </div>
  );
}
