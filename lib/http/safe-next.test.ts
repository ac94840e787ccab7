import { describe, expect, it } from 'vitest';

import { safeNextPath } from './safe-next';

describe('safeNextPath', () => {
  it('keeps paths on this site, with their query', () => {
    expect(safeNextPath('/invite?token=abc_-1')).toBe('/invite?token=abc_-1');
    expect(safeNextPath('/sites')).toBe('/sites');
  });

  it('refuses anything that could leave the site', () => {
    for (const value of [
      '//evil.example',
      'https://evil.example/',
      '/\\evil.example',
      'javascript:alert(1)',
      'sites',
      '/\t/evil.example',
      null,
      42,
    ]) {
      expect(safeNextPath(value), String(value)).toBeNull();
    }
  });
});
