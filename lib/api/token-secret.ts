// The token itself: `glc_` and 32 random bytes in base64url (256 bits). Only its SHA-256 is stored;
// a fast hash is right here because the input is random, not a password (no dictionary to try).
import { createHash, randomBytes } from 'node:crypto';

export const TOKEN_PREFIX = 'glc_';
/** How many characters of the token the list shows (the prefix plus 8 random ones: 48 bits). */
export const SHOWN_PREFIX_LENGTH = TOKEN_PREFIX.length + 8;
const TOKEN_PATTERN = /^glc_[A-Za-z0-9_-]{43}$/;

export function generateToken(): { token: string; hash: string; prefix: string } {
  const token = `${TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
  return { token, hash: hashToken(token), prefix: token.slice(0, SHOWN_PREFIX_LENGTH) };
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** A cheap shape check before touching the database. */
export function looksLikeToken(value: string): boolean {
  return TOKEN_PATTERN.test(value);
}
