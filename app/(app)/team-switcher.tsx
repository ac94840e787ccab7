// The team switcher in the signed-in header: shows the current team and, opened, every team the
// user is in (each a small form that sets the glance.team preference), the team's page and "new team".
// A <details> disclosure: works without JavaScript and is announced as a button with its state;
// with JavaScript it closes again after a navigation (the header is not re-rendered).
'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useEffect, useRef } from 'react';

import { switchTeamAction } from './team-actions';

export interface SwitcherTeam {
  id: string;
  name: string;
}

export function TeamSwitcher({ teams, current }: { teams: SwitcherTeam[]; current: SwitcherTeam | null }) {
  const pathname = usePathname();
  const menu = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    if (menu.current) menu.current.open = false;
  }, [pathname, current?.id]);
  return (
    <details ref={menu} className="group relative">
      <summary className="flex max-w-[11rem] cursor-pointer list-none items-center gap-1 rounded-lg border border-slate-300 px-3 py-1.5 font-medium text-slate-700 hover:bg-slate-50 sm:max-w-[16rem] [&::-webkit-details-marker]:hidden">
        <span className="sr-only">Current team: </span>
        <span className="truncate">{current?.name ?? 'No team'}</span>
        <svg aria-hidden="true" viewBox="0 0 20 20" className="h-4 w-4 shrink-0 transition group-open:rotate-180">
          <path d="M5 8l5 5 5-5" fill="none" stroke="currentColor" strokeWidth="2" />
        </svg>
      </summary>
      <div className="absolute left-0 z-20 mt-2 w-64 rounded-xl border border-slate-200 bg-white p-2 text-sm shadow-lg">
        {teams.length > 0 ? (
          <>
            <p className="px-2 pt-1 pb-2 text-xs font-semibold tracking-wide text-slate-600 uppercase">Switch team</p>
            <ul>
              {teams.map((team) => (
                <li key={team.id}>
                  <form action={switchTeamAction}>
                    <input type="hidden" name="teamId" value={team.id} />
                    <button
                      type="submit"
                      aria-current={team.id === current?.id ? 'true' : undefined}
                      className="flex w-full items-center justify-between gap-2 rounded-lg px-2 py-1.5 text-left hover:bg-slate-100 aria-[current=true]:font-semibold"
                    >
                      <span className="truncate">{team.name}</span>
                      {team.id === current?.id ? <span aria-hidden="true">✓</span> : null}
                    </button>
                  </form>
                </li>
              ))}
            </ul>
          </>
        ) : null}
        <div className="mt-2 border-t border-slate-200 pt-2">
          {current ? (
            <Link href={`/teams/${current.id}`} className="block rounded-lg px-2 py-1.5 hover:bg-slate-100">
              Team settings
            </Link>
          ) : null}
          <Link href="/teams/new" className="block rounded-lg px-2 py-1.5 hover:bg-slate-100">
            Create a team
          </Link>
        </div>
      </div>
    </details>
  );
}
