'use server';

// Options for confirming an irreversible step with a passkey; the challenge stays on the server
// (bound to the signed-in user), its id in the webauthn cookie, which the confirming action reads.
import { cookies } from 'next/headers';

import { accountContext } from '@/lib/auth/account-context';
import { cookieOptions, webauthnCookieName } from '@/lib/auth/cookies';
import { requireUser } from '@/lib/auth/current-user';
import { startPasskeyReauth } from '@/lib/auth/passkeys/passkey-reauth';
import { WEBAUTHN_CHALLENGE_TTL_SECONDS } from '@/lib/auth/passkeys/relying-party';

export async function passkeyReauthOptionsAction() {
  const user = await requireUser();
  const { options, challengeId } = await startPasskeyReauth(accountContext(), user.id);
  (await cookies()).set(webauthnCookieName(), challengeId, cookieOptions(WEBAUTHN_CHALLENGE_TTL_SECONDS, 'strict'));
  return options;
}
