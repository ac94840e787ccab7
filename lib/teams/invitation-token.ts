// The secret in an invitation link: 256 random bits; only its SHA-256 is stored (like EmailToken).
import { randomBytes } from 'node:crypto';

import { hashToken } from '@/lib/auth/email-tokens';

export const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

export function newInvitationToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, tokenHash: hashToken(token) };
}

/** The stored hash for a token from a link, or null when it cannot be one of ours. */
export function invitationTokenHash(token: unknown): string | null {
  return typeof token === 'string' && /^[A-Za-z0-9_-]{43}$/.test(token) ? hashToken(token) : null;
}
