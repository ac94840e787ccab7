// The visitor's IP address, used only to compute the visitor id and the country, then dropped.
// X-Forwarded-For is trusted only for as many hops as TRUST_PROXY_HOPS says; otherwise the
// connection's own address (set by scripts/server.ts, which overwrites any client-sent value).
import { isIP } from 'node:net';

export const PEER_ADDRESS_HEADER = 'x-glance-peer-address';

export function clientIp(headers: { get(name: string): string | null }, trustedHops: number): string | null {
  const peer = headers.get(PEER_ADDRESS_HEADER);
  let candidate = peer;
  if (trustedHops > 0) {
    const chain = (headers.get('x-forwarded-for') ?? '')
      .split(',')
      .map((part) => part.trim())
      .filter(Boolean);
    // Each trusted proxy appends the address it saw; the client is `trustedHops` from the end.
    candidate = chain[chain.length - trustedHops] ?? peer;
  }
  if (!candidate) return null;
  const normalised = candidate.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, '');
  return isIP(normalised) ? normalised : null;
}
