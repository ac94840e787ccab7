// /.well-known/security.txt (RFC 9116), generated from configuration. Expires is set 180 days
// ahead at every request: the RFC asks for less than a year, and a running, maintained service
// keeps renewing it.
import { contactHref, type Operator } from './operator';

export const SECURITY_TXT_PATH = '/.well-known/security.txt';
export const SECURITY_TXT_VALID_DAYS = 180;
export const DISCLOSURE_ANCHOR = 'disclosure';

export function securityTxt(op: Operator, now: Date = new Date()): string {
  const expires = new Date(now.getTime() + SECURITY_TXT_VALID_DAYS * 86_400_000);
  expires.setUTCHours(0, 0, 0, 0);
  return [
    `# Security contact for ${op.appUrl} (${op.name}).`,
    '# Please report vulnerabilities privately; see the policy for scope and safe harbour.',
    `Contact: ${contactHref(op.securityContact)}`,
    `Expires: ${expires.toISOString()}`,
    'Preferred-Languages: en',
    `Canonical: ${op.appUrl}${SECURITY_TXT_PATH}`,
    `Policy: ${op.appUrl}/security#${DISCLOSURE_ANCHOR}`,
    '',
  ].join('\n');
}
