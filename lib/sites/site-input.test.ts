import { describe, expect, it } from 'vitest';

import { siteInputSchema } from './site-input';

const parse = (domain: string, timezone = 'Europe/Berlin') =>
  siteInputSchema.safeParse({ teamId: 't', domain, timezone });

describe('siteInputSchema', () => {
  it.each([
    ['example.com', 'example.com'],
    ['  Example.COM ', 'example.com'],
    ['https://www.example.com/blog?x=1', 'example.com'],
    ['shop.example.co.uk', 'shop.example.co.uk'],
    ['xn--bcher-kva.example', 'xn--bcher-kva.example'],
  ])('accepts %j as %s', (input, domain) => {
    const result = parse(input);
    expect(result.success && result.data.domain).toBe(domain);
  });

  it.each(['', 'localhost', 'exa mple.com', '-bad.com', 'bad-.com', '<script>.com', 'a'.repeat(64) + '.com'])(
    'rejects %j',
    (input) => {
      expect(parse(input).success).toBe(false);
    },
  );

  it('accepts IANA zones only', () => {
    expect(parse('example.com', 'UTC').success).toBe(true);
    expect(parse('example.com', 'America/Sao_Paulo').success).toBe(true);
    expect(parse('example.com', 'Mars/Olympus').success).toBe(false);
  });
});
