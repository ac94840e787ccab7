'use server';

import { revalidatePath } from 'next/cache';

import { accountContext } from '@/lib/auth/account-context';
import { actionError, type ActionState } from '@/lib/auth/action-result';
import { requireUser } from '@/lib/auth/current-user';
import {
  beginTotpSetup,
  cancelTotpSetup,
  confirmTotpSetup,
  disableTotp,
  regenerateRecoveryCodes,
} from '@/lib/auth/manage-totp';
import { issueSessionCookie } from '@/lib/auth/session-cookie';

export type TotpState = ActionState & { recoveryCodes?: string[] };

const PAGE = '/settings/security';

export async function beginTotpSetupAction(): Promise<void> {
  await beginTotpSetup(accountContext(), await requireUser());
  revalidatePath(PAGE);
}

export async function cancelTotpSetupAction(): Promise<void> {
  await cancelTotpSetup(accountContext(), await requireUser());
  revalidatePath(PAGE);
}

export async function confirmTotpAction(_previous: TotpState, form: FormData): Promise<TotpState> {
  const user = await requireUser();
  try {
    const { recoveryCodes, rotated } = await confirmTotpSetup(accountContext(), user, {
      code: form.get('code'),
      currentPassword: form.get('currentPassword'),
    });
    await issueSessionCookie(rotated);
    revalidatePath(PAGE);
    return { ok: true, recoveryCodes };
  } catch (error) {
    return actionError(error);
  }
}

export async function disableTotpAction(_previous: TotpState, form: FormData): Promise<TotpState> {
  const user = await requireUser();
  try {
    await issueSessionCookie(
      await disableTotp(accountContext(), user, { currentPassword: form.get('currentPassword') }),
    );
    revalidatePath(PAGE);
    return { ok: true, message: 'Two-factor authentication is off. Other browsers have been signed out.' };
  } catch (error) {
    return actionError(error);
  }
}

export async function regenerateCodesAction(_previous: TotpState, form: FormData): Promise<TotpState> {
  const user = await requireUser();
  try {
    const recoveryCodes = await regenerateRecoveryCodes(accountContext(), user, {
      currentPassword: form.get('currentPassword'),
    });
    revalidatePath(PAGE);
    return { ok: true, recoveryCodes };
  } catch (error) {
    return actionError(error);
  }
}
