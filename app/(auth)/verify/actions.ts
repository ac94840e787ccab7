'use server';

import { accountContext } from '@/lib/auth/account-context';
import { actionMeta } from '@/lib/auth/action-meta';
import { actionError, type ActionState } from '@/lib/auth/action-result';
import { confirmEmailChange } from '@/lib/auth/change-email';
import { confirmEmail, sendVerificationEmail } from '@/lib/auth/verify-email';

export async function confirmEmailAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  try {
    const token = String(form.get('token') ?? '');
    if (form.get('kind') === 'change') await confirmEmailChange(accountContext(), token, await actionMeta());
    else await confirmEmail(accountContext(), token, await actionMeta());
    return { ok: true };
  } catch (error) {
    return actionError(error);
  }
}

export async function resendVerificationAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  const values = { email: String(form.get('email') ?? '') };
  try {
    await sendVerificationEmail(accountContext(), values.email, await actionMeta());
    return { ok: true };
  } catch (error) {
    return actionError(error, values);
  }
}
