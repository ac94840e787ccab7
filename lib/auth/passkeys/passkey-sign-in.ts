// Passwordless sign-in with a passkey: discoverable credentials, user verification required, so
// a passkey alone satisfies two factors (something you have, plus the device's PIN or biometric).
import { generateAuthenticationOptions, type AuthenticationResponseJSON } from '@simplewebauthn/server';

import { recordAudit } from '@/lib/audit/record-audit';
import { Unauthorized } from '@/lib/errors';
import { assertWithinLimit, consumeLimit } from '@/lib/ratelimit/auth-limits';
import { subjectKey } from '@/lib/ratelimit/subject-key';

import { nowOf, type AccountContext, type RequestMeta } from '../account-context';
import type { CompletedSignIn } from '../login-challenge';
import { relyingParty, storeChallenge, takeChallenge, verifyPasskeyAssertion } from './relying-party';

export const PASSKEY_REFUSED = 'That passkey could not be used to sign in. Try again, or use your password.';

export async function startPasskeySignIn(ctx: AccountContext) {
  const options = await generateAuthenticationOptions({
    rpID: relyingParty(ctx.appUrl).rpID,
    userVerification: 'required',
  });
  const challengeId = await storeChallenge(
    ctx.db,
    { purpose: 'authentication', challenge: options.challenge, userId: null },
    nowOf(ctx),
  );
  return { options, challengeId };
}

export async function finishPasskeySignIn(
  ctx: AccountContext,
  input: { challengeId: string | null; response: string | undefined },
  meta: RequestMeta,
): Promise<CompletedSignIn> {
  const ipKey = subjectKey('ip', meta.ip);
  await assertWithinLimit('signInFailuresPerIp', ipKey);
  const now = nowOf(ctx);
  const fail = async (userId: string | null) => {
    await recordAudit(ctx.db, { action: 'user.sign_in_failed', actorId: userId, metadata: { step: 'passkey' } });
    await consumeLimit('signInFailuresPerIp', ipKey).catch(() => {});
    return new Unauthorized(PASSKEY_REFUSED);
  };

  let response: AuthenticationResponseJSON;
  try {
    response = JSON.parse(input.response ?? '') as AuthenticationResponseJSON;
  } catch {
    throw await fail(null);
  }
  const challenge = await takeChallenge(
    ctx.db,
    { id: input.challengeId, purpose: 'authentication', userId: null },
    now,
  );
  const passkey =
    typeof response?.id === 'string'
      ? await ctx.db.passkey.findUnique({
          where: { credentialId: response.id },
          select: {
            id: true,
            userId: true,
            credentialId: true,
            publicKey: true,
            counter: true,
            transports: true,
            user: { select: { emailVerifiedAt: true } },
          },
        })
      : null;
  if (!challenge || !passkey || !passkey.user.emailVerifiedAt) throw await fail(passkey?.userId ?? null);

  if (!(await verifyPasskeyAssertion(ctx.db, ctx.appUrl, { passkey, response, challenge }, now))) {
    throw await fail(passkey.userId);
  }
  await recordAudit(ctx.db, {
    action: 'user.sign_in',
    actorId: passkey.userId,
    metadata: { factors: ['passkey'] },
  });
  return { userId: passkey.userId, factors: ['passkey'] };
}
