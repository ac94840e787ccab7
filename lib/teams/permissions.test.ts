import { describe, expect, it } from 'vitest';

import { can, PERMISSIONS } from './permissions';

describe('permission matrix', () => {
  it('gives owners every permission', () => {
    for (const permission of Object.keys(PERMISSIONS) as (keyof typeof PERMISSIONS)[])
      expect(can('OWNER', permission)).toBe(true);
  });

  it('keeps billing and the team itself with owners', () => {
    expect(can('ADMIN', 'billing:manage')).toBe(false);
    expect(can('ADMIN', 'team:delete')).toBe(false);
    expect(can('ADMIN', 'sites:manage')).toBe(true);
  });

  it('lets admins read the audit log but keeps the team’s security policy with owners', () => {
    expect(can('ADMIN', 'audit:read')).toBe(true);
    expect(can('MEMBER', 'audit:read')).toBe(false);
    expect(can('ADMIN', 'team:policy')).toBe(false);
    expect(can('ADMIN', 'team:transfer')).toBe(false);
  });

  it('lets members read and export, and change nothing', () => {
    const allowed = (Object.keys(PERMISSIONS) as (keyof typeof PERMISSIONS)[]).filter((p) => can('MEMBER', p));
    expect(allowed.sort()).toEqual(['stats:export', 'stats:read']);
  });
});
