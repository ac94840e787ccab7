// Single-use links sent by email: 256 random bits in the link, only their SHA-256 in the database,
// consumed atomically (a link clicked twice, or concurrently, works once).
import { createHash, randomBytes } from 'node:crypto';

import type { Prisma } from '@/lib/db/generated/client';
import type { EmailTokenPurpose } from '@/lib/db/generated/enums';

export const EMAIL_TOKEN_TTL_MS: Record<EmailTokenPurpose, number> = {
  VERIFY_EMAIL: 24 * 60 * 60 * 1000,
  RESET_PASSWORD: 60 * 60 * 1000,
  CHANGE_EMAIL: 24 * 60 * 60 * 1000,
};

export const hashToken = (token: string) => createHash('sha256').update(token).digest('base64url');

type Tx = Prisma.TransactionClient;

/** Creates a token (and retires the user's earlier ones for the same purpose); returns it for the link. */
export async function issueEmailToken(
  tx: Tx,
  input: { userId: string; purpose: EmailTokenPurpose; email?: string; now: Date },
): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await tx.emailToken.updateMany({
    where: { userId: input.userId, purpose: input.purpose, usedAt: null },
    data: { usedAt: input.now },
  });
  await tx.emailToken.create({
    data: {
      userId: input.userId,
      purpose: input.purpose,
      email: input.email ?? null,
      tokenHash: hashToken(token),
      expiresAt: new Date(input.now.getTime() + EMAIL_TOKEN_TTL_MS[input.purpose]),
    },
  });
  return token;
}

/** Marks the token used and returns it, or null if unknown, used, expired or for another purpose. */
export async function consumeEmailToken(tx: Tx, purpose: EmailTokenPurpose, token: string, now: Date) {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
  const tokenHash = hashToken(token);
  const { count } = await tx.emailToken.updateMany({
    where: { tokenHash, purpose, usedAt: null, expiresAt: { gt: now } },
    data: { usedAt: now },
  });
  if (count !== 1) return null;
  return tx.emailToken.findUniqueOrThrow({
    where: { tokenHash },
    select: { userId: true, email: true },
  });
}

/** Whether a token is currently usable, without using it (pages show a form only for live links). */
export async function isEmailTokenLive(tx: Tx, purpose: EmailTokenPurpose, token: string, now: Date) {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return false;
  const row = await tx.emailToken.findFirst({
    where: { tokenHash: hashToken(token), purpose, usedAt: null, expiresAt: { gt: now } },
    select: { id: true },
  });
  return row !== null;
}
