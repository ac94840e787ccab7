'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';

import { actionError, type ActionState } from '@/lib/auth/action-result';
import { requireUser } from '@/lib/auth/current-user';
import { db } from '@/lib/db/client';
import { createTeam } from '@/lib/teams/create-team';
import { listTeamsForUser } from '@/lib/teams/permissions';

import { rememberTeam } from './remember-team';

/** Makes one of the user's teams the current one (a team they are not in is ignored). */
export async function switchTeamAction(form: FormData): Promise<void> {
  const user = await requireUser();
  const teamId = String(form.get('teamId') ?? '');
  const teams = await listTeamsForUser(db(), user.id);
  if (teams.some((team) => team.id === teamId)) await rememberTeam(teamId);
  revalidatePath('/', 'layout'); // the header shows the new current team
  redirect('/sites');
}

export async function createTeamAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  const user = await requireUser();
  const values = { name: String(form.get('name') ?? '') };
  let teamId: string;
  try {
    teamId = (await createTeam(db(), { userId: user.id }, values)).id;
  } catch (error) {
    return actionError(error, values);
  }
  await rememberTeam(teamId);
  revalidatePath('/', 'layout');
  redirect(`/teams/${teamId}`);
}
