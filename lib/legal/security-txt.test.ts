import { describe, expect, it } from 'vitest';

import { parseConfig } from '@/lib/config';

import { operator } from './operator';
import { securityTxt } from './security-txt';
import { securityTxtField, securityTxtProblems } from './security-txt-rules';

const production = operator(
  parseConfig({
    APP_ENV: 'production',
    AUTH_SECRET: 'x'.repeat(48),
    APP_URL: 'https://glance.example.com/',
    DATABASE_URL: 'postgresql://db/glance',
    SMTP_URL: 'smtps://glance:secret@mail.example.com:465',
    ENCRYPTION_KEYS: `k1:${'A'.repeat(43)}=`,
    OPERATOR_NAME: 'Glance Analytics GmbH',
    OPERATOR_ADDRESS: 'Beispielstraße 1, 10115 Berlin, Germany',
    OPERATOR_EMAIL: 'privacy@glance.example.com',
    OPERATOR_REPRESENTATIVE: 'Jane Example',
    HOSTING_PROVIDER: 'Example Hosting GmbH, Germany',
    SECURITY_CONTACT: 'security@glance.example.com',
  }),
);

describe('security.txt', () => {
  const now = new Date('2026-11-23T15:00:00Z');
  const text = securityTxt(production, now);

  it('satisfies RFC 9116', () => {
    expect(securityTxtProblems(text, now)).toEqual([]);
  });

  it('takes its contact, canonical address and policy from configuration', () => {
    expect(securityTxtField(text, 'Contact')).toEqual(['mailto:security@glance.example.com']);
    expect(securityTxtField(text, 'Canonical')).toEqual(['https://glance.example.com/.well-known/security.txt']);
    expect(securityTxtField(text, 'Policy')).toEqual(['https://glance.example.com/security#disclosure']);
    expect(securityTxtField(text, 'Preferred-Languages')).toEqual(['en']);
  });

  it('expires in the future and within a year, whenever it is generated', () => {
    for (const at of [now, new Date('2027-12-31T23:59:59Z'), new Date('2028-02-29T00:00:00Z')]) {
      const expires = Date.parse(securityTxtField(securityTxt(production, at), 'Expires')[0]!);
      expect(expires).toBeGreaterThan(at.getTime() + 150 * 86_400_000);
      expect(expires).toBeLessThanOrEqual(at.getTime() + 365 * 86_400_000);
    }
  });

  it('uses an https contact URL as it is', () => {
    const withUrl = securityTxt({ ...production, securityContact: 'https://glance.example.com/report' }, now);
    expect(securityTxtField(withUrl, 'Contact')).toEqual(['https://glance.example.com/report']);
  });

  it('has a checker that notices what the RFC forbids', () => {
    expect(securityTxtProblems('Contact: mailto:a@b.example\n', now)).toEqual([
      'Expires is required (RFC 9116 §2.5.5)',
    ]);
    expect(securityTxtProblems('Expires: 2020-01-01T00:00:00Z\nContact: http://x.example\n', now)).toEqual([
      'Contact must use mailto: or https: or tel:: http://x.example',
      'Expires is in the past',
    ]);
    expect(securityTxtProblems('Contact: mailto:a@b.example\nExpires: 2030-01-01T00:00:00Z\nFoo bar\n', now)).toEqual([
      'line 3 is neither a comment nor "Field: value"',
      'Expires is more than a year away (§2.5.5)',
    ]);
  });
});
