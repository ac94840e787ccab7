import { describe, expect, it } from 'vitest';

import { readAuditResult } from './audit-result';

describe('readAuditResult', () => {
  it('reads a clean report', () => {
    const stdout = JSON.stringify({
      auditReportVersion: 2,
      vulnerabilities: {},
      metadata: { vulnerabilities: { info: 0, low: 0, moderate: 0, high: 0, critical: 0, total: 0 } },
    });
    expect(readAuditResult(stdout)).toEqual({
      kind: 'report',
      counts: { info: 0, low: 0, moderate: 0, high: 0, critical: 0, total: 0 },
      blocking: [],
    });
  });

  it('lists high and critical advisories, not moderate ones', () => {
    const stdout = JSON.stringify({
      auditReportVersion: 2,
      vulnerabilities: {
        'bad-lib': {
          name: 'bad-lib',
          severity: 'critical',
          via: [{ title: 'Prototype pollution', url: 'https://github.com/advisories/GHSA-x' }],
        },
        'uses-bad-lib': { name: 'uses-bad-lib', severity: 'high', via: ['bad-lib'] },
        meh: { name: 'meh', severity: 'moderate', via: [{ title: 'ReDoS' }] },
      },
      metadata: { vulnerabilities: { info: 0, low: 0, moderate: 1, high: 1, critical: 1, total: 3 } },
    });
    const result = readAuditResult(stdout);
    expect(result).toMatchObject({ kind: 'report', counts: { moderate: 1, high: 1, critical: 1 } });
    expect(result.kind === 'report' && result.blocking).toEqual([
      { name: 'bad-lib', severity: 'critical', via: 'Prototype pollution https://github.com/advisories/GHSA-x' },
      { name: 'uses-bad-lib', severity: 'high', via: 'bad-lib' },
    ]);
  });

  it('says the advisory database was unreachable instead of reporting "no vulnerabilities"', () => {
    // What this project's network (GET-only registry access) answers to npm 11's bulk audit request.
    const refused = JSON.stringify({
      message: '405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk',
      statusCode: 405,
      error: { summary: '', detail: '' },
    });
    expect(readAuditResult(refused)).toEqual({
      kind: 'unreachable',
      reason: '405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk',
    });
    expect(readAuditResult('')).toEqual({ kind: 'unreachable', reason: 'npm audit printed no report' });
    expect(readAuditResult(JSON.stringify({ error: { code: 'ENOTFOUND' } }))).toEqual({
      kind: 'unreachable',
      reason: 'ENOTFOUND',
    });
  });
});
