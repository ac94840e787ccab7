// Adding a passkey from the security settings: the current password first (ASVS 7.5.1), then a
// WebAuthn registration with a discoverable credential and user verification required. A new
// factor rotates the sessions like any other factor change.
import {
  generateRegistrationOptions,
  verifyRegistrationResponse,
  type RegistrationResponseJSON,
} from '@simplewebauthn/server';
import { z } from 'zod';

import { recordAudit } from '@/lib/audit/record-audit';
import { Invalid } from '@/lib/errors';
import { securityNoticeTemplate } from '@/lib/email/templates';

import { nowOf, type AccountContext } from '../account-context';
import { reauthenticate } from '../reauthenticate';
import { rotateSessions } from '../sessions';
import { relyingParty, RP_NAME, storeChallenge, takeChallenge } from './relying-party';

export const passkeyNameSchema = z
  .string()
  .trim()
  .min(1, 'Give the passkey a name, such as “Work laptop”.')
  .max(60, 'Use at most 60 characters.');

interface Actor {
  id: string;
  email: string;
  sessionId: string;
}

export async function startPasskeyRegistration(ctx: AccountContext, actor: Actor, input: { currentPassword: unknown }) {
  await reauthenticate(ctx, actor.id, input.currentPassword);
  const existing = await ctx.db.passkey.findMany({
    where: { userId: actor.id },
    select: { credentialId: true, transports: true },
  });
  const { rpID } = relyingParty(ctx.appUrl);
  const options = await generateRegistrationOptions({
    rpName: RP_NAME,
    rpID,
    userName: actor.email,
    // The user handle is our opaque user id, never the email.
    userID: new TextEncoder().encode(actor.id),
    attestationType: 'none',
    excludeCredentials: existing.map((p) => ({ id: p.credentialId, transports: p.transports })),
    authenticatorSelection: { residentKey: 'required', userVerification: 'required' },
  });
  const challengeId = await storeChallenge(
    ctx.db,
    { purpose: 'registration', challenge: options.challenge, userId: actor.id },
    nowOf(ctx),
  );
  return { options, challengeId };
}

export async function finishPasskeyRegistration(
  ctx: AccountContext,
  actor: Actor,
  input: { challengeId: string | null; response: unknown; name: unknown },
) {
  const name = passkeyNameSchema.safeParse(input.name);
  if (!name.success) throw new Invalid(name.error.issues[0]!.message, { name: name.error.issues[0]!.message });
  const now = nowOf(ctx);
  const challenge = await takeChallenge(
    ctx.db,
    { id: input.challengeId, purpose: 'registration', userId: actor.id },
    now,
  );
  if (!challenge) throw new Invalid('The passkey request expired. Please try again.');
  const { rpID, origin } = relyingParty(ctx.appUrl);
  const verification = await verifyRegistrationResponse({
    response: input.response as RegistrationResponseJSON,
    expectedChallenge: challenge,
    expectedOrigin: origin,
    expectedRPID: rpID,
    requireUserVerification: true,
  }).catch(() => null);
  if (!verification?.verified) throw new Invalid('The passkey could not be verified. Please try again.');
  const { credential, credentialDeviceType, credentialBackedUp } = verification.registrationInfo;
  const result = await ctx.db.$transaction(async (tx) => {
    const passkey = await tx.passkey.create({
      data: {
        userId: actor.id,
        credentialId: credential.id,
        publicKey: Buffer.from(credential.publicKey),
        counter: BigInt(credential.counter),
        transports: credential.transports ?? [],
        deviceType: credentialDeviceType,
        backedUp: credentialBackedUp,
        name: name.data,
      },
      select: { id: true, name: true },
    });
    await recordAudit(tx, {
      action: 'user.passkey_added',
      actorId: actor.id,
      targetType: 'passkey',
      targetId: passkey.id,
    });
    return { passkey, rotated: await rotateSessions(tx, actor.id, actor.sessionId, now) };
  });
  ctx.mailer.send({
    to: actor.email,
    ...securityNoticeTemplate('A passkey was added', now, `Its name: ${name.data}.`),
  });
  return result;
}
