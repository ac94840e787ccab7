// The frame of every team page: the team's name, the viewer's role and the tabs (Members, Audit log,
// Billing, API tokens). Not a security boundary: each page checks the viewer's permission itself.
import { notFound } from 'next/navigation';

import { requireUser } from '@/lib/auth/current-user';
import { db } from '@/lib/db/client';
import { listTeamsForUser } from '@/lib/teams/permissions';

import { ROLE_LABELS } from './role-labels';
import { TeamTabs } from './team-tabs';

export default async function TeamLayout({
  children,
  params,
}: {
  children: React.ReactNode;
  params: Promise<{ teamId: string }>;
}) {
  const { teamId } = await params;
  const user = await requireUser();
  const team = (await listTeamsForUser(db(), user.id)).find((candidate) => candidate.id === teamId);
  if (!team) notFound();
  return (
    <>
      <p className="text-sm text-slate-600">Team</p>
      <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
        <h1 className="text-2xl font-bold tracking-tight break-words">{team.name}</h1>
        <span className="rounded-full bg-slate-100 px-2.5 py-0.5 text-xs font-semibold text-slate-700">
          You are {team.role === 'MEMBER' ? 'a' : 'an'} {ROLE_LABELS[team.role].toLowerCase()}
        </span>
      </div>
      <TeamTabs teamId={team.id} />
      <div className="mt-6">{children}</div>
    </>
  );
}
