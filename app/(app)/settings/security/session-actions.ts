'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';

import { accountContext } from '@/lib/auth/account-context';
import { actionError, type ActionState } from '@/lib/auth/action-result';
import { requireUser } from '@/lib/auth/current-user';
import { revokeOtherSessions, revokeSession } from '@/lib/auth/manage-sessions';

const PAGE = '/settings/security';

export async function revokeSessionAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  const user = await requireUser();
  const sessionId = String(form.get('sessionId') ?? '');
  try {
    await revokeSession(accountContext(), user, sessionId);
  } catch (error) {
    return actionError(error);
  }
  if (sessionId === user.sessionId) redirect('/sign-in');
  revalidatePath(PAGE);
  return { ok: true };
}

export async function revokeOtherSessionsAction(): Promise<ActionState> {
  const user = await requireUser();
  const count = await revokeOtherSessions(accountContext(), user);
  revalidatePath(PAGE);
  return {
    ok: true,
    message: count === 1 ? 'One other browser was signed out.' : `${count} other browsers were signed out.`,
  };
}
