'use server';

import { cookies } from 'next/headers';
import { revalidatePath } from 'next/cache';

import { accountContext } from '@/lib/auth/account-context';
import { actionError, type ActionState } from '@/lib/auth/action-result';
import { cookieOptions, webauthnCookieName } from '@/lib/auth/cookies';
import { requireUser } from '@/lib/auth/current-user';
import { removePasskey, renamePasskey } from '@/lib/auth/passkeys/manage-passkeys';
import { finishPasskeyRegistration, startPasskeyRegistration } from '@/lib/auth/passkeys/register-passkey';
import { WEBAUTHN_CHALLENGE_TTL_SECONDS } from '@/lib/auth/passkeys/relying-party';
import { issueSessionCookie } from '@/lib/auth/session-cookie';
import { Invalid } from '@/lib/errors';

const PAGE = '/settings/security';

export type RegistrationStart = ActionState & {
  options?: Awaited<ReturnType<typeof startPasskeyRegistration>>['options'];
};

export async function startPasskeyRegistrationAction(currentPassword: string): Promise<RegistrationStart> {
  const user = await requireUser();
  try {
    const { options, challengeId } = await startPasskeyRegistration(accountContext(), user, { currentPassword });
    (await cookies()).set(webauthnCookieName(), challengeId, cookieOptions(WEBAUTHN_CHALLENGE_TTL_SECONDS, 'strict'));
    return { options };
  } catch (error) {
    return actionError(error);
  }
}

export async function finishPasskeyRegistrationAction(responseJson: string, name: string): Promise<ActionState> {
  const user = await requireUser();
  try {
    if (typeof responseJson !== 'string' || responseJson.length > 16_384)
      throw new Invalid('That passkey response is not valid.');
    const jar = await cookies();
    const challengeId = jar.get(webauthnCookieName())?.value ?? null;
    const { passkey, rotated } = await finishPasskeyRegistration(accountContext(), user, {
      challengeId,
      response: JSON.parse(responseJson),
      name,
    });
    jar.delete(webauthnCookieName());
    await issueSessionCookie(rotated);
    revalidatePath(PAGE);
    return { ok: true, message: `Passkey “${passkey.name}” added.` };
  } catch (error) {
    if (error instanceof SyntaxError) return { error: 'That passkey response is not valid.' };
    return actionError(error);
  }
}

export async function renamePasskeyAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  const user = await requireUser();
  try {
    await renamePasskey(accountContext(), user, {
      passkeyId: String(form.get('passkeyId') ?? ''),
      name: form.get('name'),
    });
    revalidatePath(PAGE);
    return { ok: true, message: 'Renamed.' };
  } catch (error) {
    return actionError(error);
  }
}

export async function removePasskeyAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  const user = await requireUser();
  try {
    const rotated = await removePasskey(accountContext(), user, {
      passkeyId: String(form.get('passkeyId') ?? ''),
      currentPassword: form.get('currentPassword'),
    });
    await issueSessionCookie(rotated);
    revalidatePath(PAGE);
    return { ok: true };
  } catch (error) {
    return actionError(error);
  }
}
