// Re-authentication with a passkey, instead of the password, before an irreversible step (deleting
// the account or a team). The challenge is bound to the signed-in user and used once; only that
// user's passkeys are offered and accepted, with user verification required.
import { generateAuthenticationOptions, type AuthenticationResponseJSON } from '@simplewebauthn/server';

import { Unauthorized } from '@/lib/errors';

import { nowOf, type AccountContext } from '../account-context';
import { relyingParty, storeChallenge, takeChallenge, verifyPasskeyAssertion } from './relying-party';

export const PASSKEY_NOT_CONFIRMED = 'Your passkey did not confirm it is you. Try again, or use your password.';

export async function startPasskeyReauth(ctx: AccountContext, userId: string) {
  const passkeys = await ctx.db.passkey.findMany({
    where: { userId },
    select: { credentialId: true, transports: true },
  });
  if (passkeys.length === 0) throw new Unauthorized('You have no passkey: use your password.');
  const options = await generateAuthenticationOptions({
    rpID: relyingParty(ctx.appUrl).rpID,
    userVerification: 'required',
    allowCredentials: passkeys.map((p) => ({ id: p.credentialId, transports: p.transports })),
  });
  const challengeId = await storeChallenge(
    ctx.db,
    { purpose: 'authentication', challenge: options.challenge, userId },
    nowOf(ctx),
  );
  return { options, challengeId };
}

/** Throws Unauthorized unless `response` is a fresh, user-verified assertion by one of the user's passkeys. */
export async function verifyPasskeyReauth(
  ctx: AccountContext,
  userId: string,
  input: { challengeId: string | null; response: unknown },
): Promise<void> {
  const now = nowOf(ctx);
  let response: AuthenticationResponseJSON | null = null;
  try {
    response = typeof input.response === 'string' ? (JSON.parse(input.response) as AuthenticationResponseJSON) : null;
  } catch {
    response = null;
  }
  // The challenge is used up whatever happens next: one try per ceremony.
  const challenge = await takeChallenge(ctx.db, { id: input.challengeId, purpose: 'authentication', userId }, now);
  const passkey =
    response && typeof response.id === 'string'
      ? await ctx.db.passkey.findFirst({
          where: { credentialId: response.id, userId },
          select: { id: true, credentialId: true, publicKey: true, counter: true, transports: true },
        })
      : null;
  if (!challenge || !passkey || !response) throw new Unauthorized(PASSKEY_NOT_CONFIRMED);
  if (!(await verifyPasskeyAssertion(ctx.db, ctx.appUrl, { passkey, response, challenge }, now))) {
    throw new Unauthorized(PASSKEY_NOT_CONFIRMED);
  }
}
