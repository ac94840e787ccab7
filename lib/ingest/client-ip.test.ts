import { describe, expect, it } from 'vitest';

import { clientIp, PEER_ADDRESS_HEADER } from './client-ip';

const headers = (values: Record<string, string>) => new Headers(values);

describe('clientIp', () => {
  it('uses the connection address and ignores X-Forwarded-For unless proxies are trusted', () => {
    const h = headers({ [PEER_ADDRESS_HEADER]: '198.51.100.4', 'x-forwarded-for': '203.0.113.77' });
    expect(clientIp(h, 0)).toBe('198.51.100.4');
  });

  it('takes the address the trusted proxy appended, not what the client claimed', () => {
    const h = headers({ [PEER_ADDRESS_HEADER]: '10.0.0.2', 'x-forwarded-for': '6.6.6.6, 203.0.113.77' });
    expect(clientIp(h, 1)).toBe('203.0.113.77');
    expect(clientIp(h, 2)).toBe('6.6.6.6');
  });

  it('unwraps IPv4-mapped IPv6 and rejects garbage', () => {
    expect(clientIp(headers({ [PEER_ADDRESS_HEADER]: '::ffff:192.0.2.1' }), 0)).toBe('192.0.2.1');
    expect(clientIp(headers({ [PEER_ADDRESS_HEADER]: '2001:db8::1' }), 0)).toBe('2001:db8::1');
    expect(clientIp(headers({ [PEER_ADDRESS_HEADER]: 'nonsense' }), 0)).toBeNull();
    expect(clientIp(headers({}), 0)).toBeNull();
  });
});
