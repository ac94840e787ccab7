// Who we are to WebAuthn: the relying party id is APP_URL's host name, the expected origin APP_URL's
// origin. Challenges live in the database (single use, five minutes), never only in the browser.
import { verifyAuthenticationResponse, type AuthenticationResponseJSON } from '@simplewebauthn/server';

import type { Database } from '@/lib/db/client';

export const WEBAUTHN_CHALLENGE_TTL_SECONDS = 5 * 60;
export const RP_NAME = 'Glance';

export function relyingParty(appUrl: string) {
  const url = new URL(appUrl);
  return { rpID: url.hostname, origin: url.origin };
}

export type CeremonyPurpose = 'registration' | 'authentication';

export async function storeChallenge(
  db: Database,
  input: { purpose: CeremonyPurpose; challenge: string; userId: string | null },
  now: Date,
): Promise<string> {
  const row = await db.webAuthnChallenge.create({
    data: { ...input, expiresAt: new Date(now.getTime() + WEBAUTHN_CHALLENGE_TTL_SECONDS * 1000) },
    select: { id: true },
  });
  return row.id;
}

/** Consumes the ceremony's challenge (once) and returns it, or null. */
export async function takeChallenge(
  db: Database,
  input: { id: string | null; purpose: CeremonyPurpose; userId: string | null },
  now: Date,
): Promise<string | null> {
  if (!input.id) return null;
  const where = {
    id: input.id,
    purpose: input.purpose,
    userId: input.userId,
    consumedAt: null,
    expiresAt: { gt: now },
  };
  const row = await db.webAuthnChallenge.findFirst({ where, select: { challenge: true } });
  if (!row) return null;
  const { count } = await db.webAuthnChallenge.updateMany({ where, data: { consumedAt: now } });
  return count === 1 ? row.challenge : null;
}

/** The stored passkey an assertion is checked against. */
export interface StoredPasskey {
  id: string;
  credentialId: string;
  publicKey: Uint8Array;
  counter: bigint;
  transports: string[];
}

/**
 * Whether `response` is a user-verified assertion of `passkey` over `challenge`. On success the
 * passkey's signature counter and last use are recorded; on any failure nothing changes.
 */
export async function verifyPasskeyAssertion(
  db: Database,
  appUrl: string,
  input: { passkey: StoredPasskey; response: AuthenticationResponseJSON; challenge: string },
  now: Date,
): Promise<boolean> {
  const { passkey, response, challenge } = input;
  const { rpID, origin } = relyingParty(appUrl);
  const verification = await verifyAuthenticationResponse({
    response,
    expectedChallenge: challenge,
    expectedOrigin: origin,
    expectedRPID: rpID,
    credential: {
      id: passkey.credentialId,
      publicKey: new Uint8Array(passkey.publicKey),
      counter: Number(passkey.counter),
      transports: passkey.transports,
    },
    requireUserVerification: true,
  }).catch(() => null);
  if (!verification?.verified || !verification.authenticationInfo.userVerified) return false;
  await db.passkey.update({
    where: { id: passkey.id },
    data: { counter: BigInt(verification.authenticationInfo.newCounter), lastUsedAt: now },
  });
  return true;
}
