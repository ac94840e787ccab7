'use server';

import { accountContext } from '@/lib/auth/account-context';
import { actionMeta } from '@/lib/auth/action-meta';
import { actionError, type ActionState } from '@/lib/auth/action-result';
import { requestPasswordReset, resetPassword } from '@/lib/auth/reset-password';
import { log } from '@/lib/log';

export async function requestResetAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  const values = { email: String(form.get('email') ?? '') };
  try {
    const { delivery } = await requestPasswordReset(accountContext(), values.email, await actionMeta());
    // Answer before looking the address up, so the time taken says nothing about it.
    delivery.catch(() => log.error('password reset delivery failed'));
    return { ok: true };
  } catch (error) {
    return actionError(error, values);
  }
}

export async function resetPasswordAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  try {
    await resetPassword(
      accountContext(),
      { token: String(form.get('token') ?? ''), password: form.get('password') },
      await actionMeta(),
    );
    return { ok: true };
  } catch (error) {
    return actionError(error);
  }
}
