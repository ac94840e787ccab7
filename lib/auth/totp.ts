// TOTP (RFC 6238) with otpauth: SHA-1, 6 digits, 30 s, one step of clock drift either way. The
// secret is stored only as an envelope (lib/crypto/envelope.ts), bound to its user. A code is
// accepted once: its time step must be newer than the last accepted one (ASVS 6.5.1).
import QRCode from 'qrcode';
import { Secret, TOTP } from 'otpauth';

import { decrypt, encrypt } from '@/lib/crypto/envelope';
import type { Database } from '@/lib/db/client';

export const TOTP_PERIOD_SECONDS = 30;
const ISSUER = 'Glance';

export const secretContext = (userId: string) => `user:${userId}:totp`;

export function totpFor(secretBase32: string, label: string): TOTP {
  return new TOTP({
    issuer: ISSUER,
    label,
    algorithm: 'SHA1',
    digits: 6,
    period: TOTP_PERIOD_SECONDS,
    secret: Secret.fromBase32(secretBase32),
  });
}

export function newTotpSecretEnvelope(userId: string): string {
  return encrypt(new Secret({ size: 20 }).base32, secretContext(userId));
}

/** The time step a code proves, or null if it matches none within one step of `now`. */
export function matchingStep(secretBase32: string, code: string, now: Date): number | null {
  const token = code.replace(/\s/g, '');
  if (!/^\d{6}$/.test(token)) return null;
  const delta = totpFor(secretBase32, '').validate({ token, timestamp: now.getTime(), window: 1 });
  if (delta === null) return null;
  return Math.floor(now.getTime() / 1000 / TOTP_PERIOD_SECONDS) + delta;
}

/** For the setup screen: the otpauth:// URI as an SVG QR code, and the secret for typing in. */
export async function totpSetupView(envelope: string, userId: string, email: string) {
  const secret = decrypt(envelope, secretContext(userId));
  const uri = totpFor(secret, email).toString();
  const svg = await QRCode.toString(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 1 });
  return { qrSvg: svg, secret: secret.replace(/(.{4})(?=.)/g, '$1 ') };
}

/** Checks a sign-in code against the user's enabled secret and records its step (no reuse). */
export async function verifyTotpCode(db: Database, userId: string, code: string, now: Date): Promise<boolean> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { totpSecret: true } });
  if (!user?.totpSecret) return false;
  const step = matchingStep(decrypt(user.totpSecret, secretContext(userId)), code, now);
  if (step === null) return false;
  // Atomic: a replayed or older code finds no row to update.
  const { count } = await db.user.updateMany({
    where: { id: userId, OR: [{ totpLastStep: null }, { totpLastStep: { lt: BigInt(step) } }] },
    data: { totpLastStep: BigInt(step) },
  });
  return count === 1;
}
