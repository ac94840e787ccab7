// The one way Glance stores a secret it must read back (TOTP secrets): AES-256-GCM with a fresh
// 96-bit IV, the key's id kept beside the ciphertext, and the record it belongs to bound in as
// additional data (a ciphertext copied to another row does not decrypt). Format, base64url parts:
//   v1:<keyId>:<iv>:<ciphertext>:<tag>
// Keys come from ENCRYPTION_KEYS (lib/config.ts); `npm run secrets:rotate` re-encrypts with the newest.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

import { config } from '@/lib/config';

export interface Keyring {
  /** The newest key: every new envelope uses it. */
  currentId: string;
  keys: Map<string, Buffer>;
}

export class EnvelopeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EnvelopeError';
  }
}

export function parseKeyring(spec: string): Keyring {
  const keys = new Map<string, Buffer>();
  let currentId = '';
  for (const pair of spec.split(',')) {
    const [id, encoded] = pair.split(':');
    const key = Buffer.from(encoded ?? '', 'base64');
    if (!id || key.length !== 32) throw new EnvelopeError(`encryption key "${id}" is not 32 bytes`);
    keys.set(id, key);
    currentId = id;
  }
  return { currentId, keys };
}

let cached: Keyring | undefined;
export const keyring = () => (cached ??= parseKeyring(config().ENCRYPTION_KEYS));

export function encrypt(plaintext: string, context: string, ring: Keyring = keyring()): string {
  const key = ring.keys.get(ring.currentId)!;
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(context, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  const parts = [iv, ciphertext, cipher.getAuthTag()].map((part) => part.toString('base64url'));
  return ['v1', ring.currentId, ...parts].join(':');
}

export function decrypt(envelope: string, context: string, ring: Keyring = keyring()): string {
  const [version, keyId, iv, ciphertext, tag] = envelope.split(':');
  if (version !== 'v1' || !keyId || !iv || !ciphertext || !tag) throw new EnvelopeError('not a v1 envelope');
  const key = ring.keys.get(keyId);
  if (!key) throw new EnvelopeError(`no key "${keyId}" in ENCRYPTION_KEYS`);
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
  decipher.setAAD(Buffer.from(context, 'utf8'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  try {
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString('utf8');
  } catch {
    throw new EnvelopeError('envelope failed authentication (altered, wrong key or wrong record)');
  }
}

/** Whether an envelope was made with an older key than the current one. */
export function isStale(envelope: string, ring: Keyring = keyring()): boolean {
  return envelope.split(':')[1] !== ring.currentId;
}

/** Decrypts with whichever key made it, encrypts with the newest. */
export function reencrypt(envelope: string, context: string, ring: Keyring = keyring()): string {
  return encrypt(decrypt(envelope, context, ring), context, ring);
}
