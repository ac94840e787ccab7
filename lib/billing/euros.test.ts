import { describe, expect, it } from 'vitest';

import { formatEuros } from './euros';

describe('formatEuros', () => {
  it('shows whole euros without decimals and cents with two', () => {
    expect(formatEuros(1900)).toBe('€19');
    expect(formatEuros(950)).toBe('€9.50');
    expect(formatEuros(19000)).toBe('€190');
  });
});
