'use server';

import { accountContext } from '@/lib/auth/account-context';
import { actionMeta } from '@/lib/auth/action-meta';
import { actionError, type ActionState } from '@/lib/auth/action-result';
import { signUp } from '@/lib/auth/sign-up';

export async function signUpAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  const values = { name: String(form.get('name') ?? ''), email: String(form.get('email') ?? '') };
  try {
    await signUp(accountContext(), { ...values, password: form.get('password') }, await actionMeta());
    return { ok: true };
  } catch (error) {
    return actionError(error, values);
  }
}
