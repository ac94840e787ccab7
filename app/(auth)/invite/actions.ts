'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';

import { rememberTeam } from '@/app/(app)/remember-team';
import { accountContext } from '@/lib/auth/account-context';
import { actionMeta } from '@/lib/auth/action-meta';
import { actionError, type ActionState } from '@/lib/auth/action-result';
import { requireUser } from '@/lib/auth/current-user';
import { acceptInvitation, acceptInvitationWithNewAccount } from '@/lib/teams/accept-invitation';

export async function acceptInvitationAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  const user = await requireUser();
  let teamId: string;
  try {
    ({ teamId } = await acceptInvitation(accountContext(), user, form.get('token')));
  } catch (error) {
    return actionError(error);
  }
  await rememberTeam(teamId);
  revalidatePath('/', 'layout');
  redirect('/sites');
}

export async function acceptWithNewAccountAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  const values = { name: String(form.get('name') ?? '') };
  try {
    await acceptInvitationWithNewAccount(
      accountContext(),
      form.get('token'),
      { name: values.name, password: form.get('password') },
      await actionMeta(),
    );
  } catch (error) {
    return actionError(error, values);
  }
  redirect('/sign-in?joined=1');
}
