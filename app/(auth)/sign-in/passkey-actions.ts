'use server';

import { cookies } from 'next/headers';

import { accountContext } from '@/lib/auth/account-context';
import { cookieOptions, webauthnCookieName } from '@/lib/auth/cookies';
import { startPasskeySignIn } from '@/lib/auth/passkeys/passkey-sign-in';
import { WEBAUTHN_CHALLENGE_TTL_SECONDS } from '@/lib/auth/passkeys/relying-party';

/** Options for navigator.credentials.get(); the challenge stays on the server, its id in a cookie. */
export async function passkeySignInOptionsAction() {
  const { options, challengeId } = await startPasskeySignIn(accountContext());
  (await cookies()).set(webauthnCookieName(), challengeId, cookieOptions(WEBAUTHN_CHALLENGE_TTL_SECONDS, 'strict'));
  return options;
}
