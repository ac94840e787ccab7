import { describe, expect, it } from 'vitest';

import { excludedIpHash, isExcludedIp, normaliseIp } from './excluded-ips';

describe('excluded IP addresses', () => {
  it('spells each address one way', () => {
    expect(normaliseIp(' 203.0.113.7 ')).toBe('203.0.113.7');
    expect(normaliseIp('::ffff:203.0.113.7')).toBe('203.0.113.7');
    expect(normaliseIp('2001:0DB8:0000:0000:0000:0000:0000:0001')).toBe('2001:db8::1');
    expect(normaliseIp('[2001:db8::1]')).toBe('2001:db8::1');
    expect(normaliseIp('203.0.113.300')).toBeNull();
    expect(normaliseIp('example.com')).toBeNull();
    expect(normaliseIp('')).toBeNull();
  });

  it('matches an address however it is written, only for the site it was listed for', () => {
    const hashes = [excludedIpHash('site-a', '2001:db8::1')];
    expect(isExcludedIp(hashes, 'site-a', '2001:0db8:0:0:0:0:0:1')).toBe(true);
    expect(isExcludedIp(hashes, 'site-a', '2001:db8::2')).toBe(false);
    expect(isExcludedIp(hashes, 'site-b', '2001:db8::1')).toBe(false);
    expect(isExcludedIp([], 'site-a', '2001:db8::1')).toBe(false);
  });

  it('keeps neither the address nor its plain SHA-256', async () => {
    const { createHash } = await import('node:crypto');
    const hash = excludedIpHash('site-a', '203.0.113.7');
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).not.toContain('203.0.113.7');
    expect(hash).not.toBe(createHash('sha256').update('203.0.113.7').digest('hex'));
  });
});
