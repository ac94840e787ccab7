// The anonymous visitor id: HMAC-SHA256 keyed by the day's salt over site id, IP and User-Agent,
// truncated to 64 bits. The IP and User-Agent are inputs here and are never stored or logged.
import { createHmac } from 'node:crypto';

/** Bits of the HMAC kept: collisions among one site's visitors on one day stay vanishingly rare. */
export const VISITOR_ID_BITS = 64;

export function visitorId(salt: Buffer, siteId: string, ip: string, userAgent: string): bigint {
  // One update of the joined text: the same bytes as one update per part (the parts are whole strings
  // and NUL never pairs with a surrogate), so ids stay the same, with fewer calls into C++.
  const digest = createHmac('sha256', salt).update(`${siteId}\0${ip}\0${userAgent}`).digest();
  return digest.readBigInt64BE(0);
}
