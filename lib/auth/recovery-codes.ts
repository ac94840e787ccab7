// Ten single-use recovery codes, for when the authenticator app is lost. Each has 80 random bits,
// so a plain SHA-256 is a safe way to store it (nobody can enumerate the space); they are shown once.
import { createHash, randomBytes } from 'node:crypto';

import type { Database } from '@/lib/db/client';
import type { Prisma } from '@/lib/db/generated/client';

export const RECOVERY_CODE_COUNT = 10;
// Crockford's base32: no i, l, o or u; what a user reads as o, i or l means 0 or 1.
const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';

const normalise = (code: string) =>
  code
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '')
    .replace(/o/g, '0')
    .replace(/[il]/g, '1');
const hashCode = (code: string) =>
  createHash('sha256')
    .update(`glance-recovery:${normalise(code)}`)
    .digest('base64url');

/** 16 symbols of base32 (80 bits), as xxxx-xxxx-xxxx-xxxx. */
export function generateRecoveryCode(): string {
  // 256 is a multiple of 32, so `byte % 32` is uniform.
  const chars = [...randomBytes(16)].map((byte) => ALPHABET[byte % 32]!);
  return chars.join('').replace(/(.{4})(?=.)/g, '$1-');
}

/** Replaces the user's codes with ten new ones and returns them (the only time they are readable). */
export async function replaceRecoveryCodes(tx: Prisma.TransactionClient, userId: string): Promise<string[]> {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, generateRecoveryCode);
  await tx.recoveryCode.deleteMany({ where: { userId } });
  await tx.recoveryCode.createMany({ data: codes.map((code) => ({ userId, codeHash: hashCode(code) })) });
  return codes;
}

/** Uses up a code: true exactly once per code, even under concurrent attempts. */
export async function redeemRecoveryCode(db: Database, userId: string, code: string, now: Date): Promise<boolean> {
  if (normalise(code).length !== 16) return false;
  const { count } = await db.recoveryCode.updateMany({
    where: { userId, codeHash: hashCode(code), usedAt: null },
    data: { usedAt: now },
  });
  return count === 1;
}

export async function remainingRecoveryCodes(db: Database, userId: string): Promise<number> {
  return db.recoveryCode.count({ where: { userId, usedAt: null } });
}
