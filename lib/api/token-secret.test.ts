import { createHash } from 'node:crypto';

import { describe, expect, it } from 'vitest';

import { generateToken, hashToken, looksLikeToken } from './token-secret';

describe('API token secrets', () => {
  it('are glc_ plus 256 random bits; the hash is SHA-256 hex and the prefix 12 characters', () => {
    const tokens = Array.from({ length: 50 }, generateToken);
    expect(new Set(tokens.map((t) => t.token)).size).toBe(50);
    for (const { token, hash, prefix } of tokens) {
      expect(looksLikeToken(token)).toBe(true);
      expect(Buffer.from(token.slice(4), 'base64url')).toHaveLength(32);
      expect(hash).toBe(createHash('sha256').update(token).digest('hex'));
      expect(hashToken(token)).toBe(hash);
      expect(prefix).toBe(token.slice(0, 12));
    }
    expect(looksLikeToken('glc_short')).toBe(false);
    expect(looksLikeToken(`xyz_${'a'.repeat(43)}`)).toBe(false);
  });
});
