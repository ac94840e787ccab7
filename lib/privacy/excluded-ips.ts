// A site owner's "don't count these addresses" list (their office, their own devices). Only a hash of
// site id and address is kept, and ingest compares hashes: the list is never readable as addresses.
// A SHA-256 of an IPv4 address can be reversed by trying all 2³² of them, so this keeps the list out of
// sight (screens, exports, backups read by people), not secret from a determined attacker with the
// database; the settings page says so.
import { createHash } from 'node:crypto';
import { isIP } from 'node:net';

/** Addresses a site may exclude. */
export const MAX_EXCLUDED_IPS = 50;

/** One spelling per address: IPv4-mapped IPv6 as IPv4, IPv6 in its shortest lower-case form. */
export function normaliseIp(text: string): string | null {
  const trimmed = text.trim().replace(/^\[(.*)\]$/, '$1');
  const unmapped = trimmed.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, '');
  const family = isIP(unmapped);
  if (family === 4) return unmapped;
  if (family === 6) return new URL(`http://[${unmapped}]`).hostname.slice(1, -1);
  return null;
}

export function excludedIpHash(siteId: string, ip: string): string {
  return createHash('sha256')
    .update(`glance:excluded-ip:${siteId}:${normaliseIp(ip) ?? ip}`)
    .digest('hex');
}

/** Does the site's list hold this visitor's address? */
export function isExcludedIp(hashes: readonly string[], siteId: string, ip: string): boolean {
  return hashes.length > 0 && hashes.includes(excludedIpHash(siteId, ip));
}
