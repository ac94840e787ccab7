import { randomBytes } from 'node:crypto';

import { describe, expect, it } from 'vitest';

import { decrypt, encrypt, EnvelopeError, isStale, parseKeyring, reencrypt } from './envelope';

const key = () => randomBytes(32).toString('base64');
const oldKey = key();
const ring = parseKeyring(`k1:${oldKey}`);
const rotated = parseKeyring(`k1:${oldKey},k2:${key()}`);

describe('envelope encryption (AES-256-GCM)', () => {
  it('round-trips, in the v1:keyId:iv:ct:tag format, with a fresh IV each time', () => {
    const envelope = encrypt('JBSWY3DPEHPK3PXP', 'user:1:totp', ring);
    expect(envelope).toMatch(/^v1:k1:[\w-]{16}:[\w-]+:[\w-]{22}$/);
    expect(envelope).not.toContain('JBSWY3DPEHPK3PXP');
    expect(encrypt('JBSWY3DPEHPK3PXP', 'user:1:totp', ring)).not.toBe(envelope);
    expect(decrypt(envelope, 'user:1:totp', ring)).toBe('JBSWY3DPEHPK3PXP');
  });

  it('fails on any flipped byte, a wrong record context, or an unknown key', () => {
    const envelope = encrypt('secret', 'user:1:totp', ring);
    const parts = envelope.split(':');
    for (const index of [2, 3, 4]) {
      const bytes = Buffer.from(parts[index]!, 'base64url');
      bytes[0]! ^= 0x01;
      const altered = [...parts];
      altered[index] = bytes.toString('base64url');
      expect(() => decrypt(altered.join(':'), 'user:1:totp', ring)).toThrow(EnvelopeError);
    }
    expect(() => decrypt(envelope, 'user:2:totp', ring)).toThrow(EnvelopeError);
    expect(() => decrypt(envelope, 'user:1:totp', parseKeyring(`k1:${key()}`))).toThrow(EnvelopeError);
    expect(() => decrypt(envelope.replace(':k1:', ':k9:'), 'user:1:totp', ring)).toThrow(/no key "k9"/);
    expect(() => decrypt('plain text', 'user:1:totp', ring)).toThrow(/not a v1 envelope/);
  });

  it('rotates: the newest key encrypts, older keys still decrypt', () => {
    const old = encrypt('secret', 'ctx', ring);
    expect(isStale(old, rotated)).toBe(true);
    const fresh = reencrypt(old, 'ctx', rotated);
    expect(fresh.startsWith('v1:k2:')).toBe(true);
    expect(isStale(fresh, rotated)).toBe(false);
    expect(decrypt(fresh, 'ctx', rotated)).toBe('secret');
  });

  it('refuses keys that are not 32 bytes', () => {
    expect(() => parseKeyring(`k1:${randomBytes(16).toString('base64')}`)).toThrow(/32 bytes/);
  });
});
