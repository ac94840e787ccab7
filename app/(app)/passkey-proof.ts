// The passkey answer a confirming form carries, with the challenge id from the webauthn cookie.
import { cookies } from 'next/headers';

import { webauthnCookieName } from '@/lib/auth/cookies';

export async function passkeyProof(form: FormData) {
  const response = form.get('passkeyResponse');
  if (typeof response !== 'string' || response.length === 0) return undefined;
  return { challengeId: (await cookies()).get(webauthnCookieName())?.value ?? null, response };
}
