import { describe, expect, it } from 'vitest';

import { isSameOrigin } from './same-origin';

const headers = (values: Record<string, string>) => new Headers(values);
const app = 'https://glance.example.com';

describe('isSameOrigin', () => {
  it('accepts our own origin and requests without browser headers', () => {
    expect(isSameOrigin(headers({ origin: app, 'sec-fetch-site': 'same-origin' }), app)).toBe(true);
    expect(isSameOrigin(headers({}), app)).toBe(true);
  });

  it('refuses another origin, the null origin and cross-site fetch metadata', () => {
    expect(isSameOrigin(headers({ origin: 'https://evil.example' }), app)).toBe(false);
    expect(isSameOrigin(headers({ origin: 'null' }), app)).toBe(false);
    expect(isSameOrigin(headers({ 'sec-fetch-site': 'cross-site' }), app)).toBe(false);
    expect(isSameOrigin(headers({ origin: app, 'sec-fetch-site': 'same-site' }), app)).toBe(false);
  });
});
