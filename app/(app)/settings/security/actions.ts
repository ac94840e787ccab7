'use server';

import { accountContext } from '@/lib/auth/account-context';
import { actionMeta } from '@/lib/auth/action-meta';
import { actionError, type ActionState } from '@/lib/auth/action-result';
import { requestEmailChange } from '@/lib/auth/change-email';
import { changePassword } from '@/lib/auth/change-password';
import { requireUser } from '@/lib/auth/current-user';
import { issueSessionCookie } from '@/lib/auth/session-cookie';

export async function changePasswordAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  const user = await requireUser();
  try {
    const rotated = await changePassword(accountContext(), user, {
      currentPassword: form.get('currentPassword'),
      newPassword: form.get('newPassword'),
    });
    await issueSessionCookie(rotated);
    return { ok: true, message: 'Password changed. Every other browser has been signed out.' };
  } catch (error) {
    return actionError(error);
  }
}

export async function changeEmailAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  const user = await requireUser();
  const values = { newEmail: String(form.get('newEmail') ?? '') };
  try {
    await requestEmailChange(
      accountContext(),
      user,
      { newEmail: values.newEmail, currentPassword: form.get('currentPassword') },
      await actionMeta(),
    );
    return {
      ok: true,
      message: `To finish, open the link we sent to ${values.newEmail.trim()}. Until then, your email stays ${user.email}.`,
    };
  } catch (error) {
    return actionError(error, values);
  }
}
