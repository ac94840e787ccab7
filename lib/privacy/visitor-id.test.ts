import { createHash, randomBytes } from 'node:crypto';

import { describe, expect, it } from 'vitest';

import { visitorId } from './visitor-id';

const UA = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/156.0 Safari/537.36';

describe('visitorId', () => {
  const today = randomBytes(32);
  const tomorrow = randomBytes(32);

  it('is stable for the same visitor, site and day', () => {
    expect(visitorId(today, 'site-a', '203.0.113.7', UA)).toBe(visitorId(today, 'site-a', '203.0.113.7', UA));
  });

  it('changes with the day’s salt, the site, the IP and the User-Agent', () => {
    const base = visitorId(today, 'site-a', '203.0.113.7', UA);
    expect(visitorId(tomorrow, 'site-a', '203.0.113.7', UA)).not.toBe(base);
    expect(visitorId(today, 'site-b', '203.0.113.7', UA)).not.toBe(base);
    expect(visitorId(today, 'site-a', '203.0.113.8', UA)).not.toBe(base);
    expect(visitorId(today, 'site-a', '203.0.113.7', `${UA} Edg/156`)).not.toBe(base);
  });

  it('separates its inputs so that shifting bytes between them gives another id', () => {
    expect(visitorId(today, 'site-a1', '.2.3.4', UA)).not.toBe(visitorId(today, 'site-a', '1.2.3.4', UA));
  });

  it('is a signed 64-bit integer that reveals nothing of a plain hash of its inputs', () => {
    const id = visitorId(today, 'site-a', '203.0.113.7', UA);
    expect(id >= -(2n ** 63n) && id < 2n ** 63n).toBe(true);
    const plain = createHash('sha256')
      .update('site-a\x00203.0.113.7\x00' + UA)
      .digest()
      .readBigInt64BE(0);
    expect(id).not.toBe(plain);
  });
});
