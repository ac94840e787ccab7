'use server';

import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';

import { accountContext } from '@/lib/auth/account-context';
import { actionError, type ActionState } from '@/lib/auth/action-result';
import { sessionCookieName, teamCookieName } from '@/lib/auth/cookies';
import { requireUser } from '@/lib/auth/current-user';
import { deleteAccount } from '@/lib/auth/delete-account';
import { billingContext } from '@/lib/billing/billing-context';
import { cancelSubscriptionOfDeletedTeam } from '@/lib/billing/cancel-for-deleted-team';

import { passkeyProof } from '../../passkey-proof';

export async function deleteAccountAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  const user = await requireUser();
  const values = { confirmation: String(form.get('confirmation') ?? '') };
  try {
    await deleteAccount(
      accountContext(),
      user,
      { ...values, password: form.get('password'), passkey: await passkeyProof(form) },
      { beforeTeamPurge: (id) => cancelSubscriptionOfDeletedTeam(billingContext(), id) },
    );
  } catch (error) {
    return actionError(error, values);
  }
  // The session row went with the account; the cookies go too.
  const jar = await cookies();
  jar.delete(sessionCookieName());
  jar.delete(teamCookieName());
  redirect('/sign-in?deleted=1');
}
