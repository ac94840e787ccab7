import type { Metadata } from 'next';
import Link from 'next/link';

import { LegalPage } from '@/components/marketing/legal-page';
import { RolesMatrix } from '@/components/marketing/roles-matrix';
import { SecurityHeadersTable } from '@/components/marketing/security-headers-table';
import { contactHref, operator } from '@/lib/legal/operator';
import { SECURITY_FACTS } from '@/lib/legal/security-facts';
import { DISCLOSURE_ANCHOR, SECURITY_TXT_PATH } from '@/lib/legal/security-txt';

export const metadata: Metadata = {
  title: 'Security',
  description:
    'How Glance protects accounts and data: HSTS and a strict CSP, argon2id passwords, two-factor sign-in and passkeys, server-side sessions, roles, audit log, rate limits, backups, and how to report a vulnerability.',
};

export default function SecurityPage() {
  const op = operator();
  const contact = contactHref(op.securityContact);
  return (
    <LegalPage
      title="Security"
      intro="What we do to keep accounts and data safe, stated precisely enough to check. The numbers on this page are read from the code that enforces them, and tests compare them on every build."
    >
      {SECURITY_FACTS.map((fact) => (
        <section key={fact.id} aria-labelledby={`fact-${fact.id}`}>
          <h2 id={`fact-${fact.id}`}>{fact.title}</h2>
          <ul>
            {fact.points.map((point) => (
              <li key={point}>{point}</li>
            ))}
          </ul>
          {fact.id === 'headers' ? <SecurityHeadersTable /> : null}
          {fact.id === 'roles' ? <RolesMatrix /> : null}
        </section>
      ))}

      <h2 id={DISCLOSURE_ANCHOR}>Reporting a vulnerability</h2>
      <p>
        If you find a security problem in Glance, please tell us privately at <a href={contact}>{op.securityContact}</a>{' '}
        before telling anyone else. Our <a href={SECURITY_TXT_PATH}>security.txt</a> has the same address.
      </p>
      <ul>
        <li>We confirm your report within three working days and keep you informed until it is fixed.</li>
        <li>Give us reasonable time to fix the problem before you publish; we agree on a date with you.</li>
        <li>We credit you when the fix is published, if you wish.</li>
      </ul>
      <h3>Safe harbour</h3>
      <p>
        We will not take legal action against, or ask authorities to act against, anyone who researches and reports in
        good faith under this policy. Good faith means:
      </p>
      <ul>
        <li>test only against your own account and your own sites, or accounts whose owners agreed;</li>
        <li>
          access no more data than needed to show the problem, do not keep it, and never touch other customers’ data
          deliberately;
        </li>
        <li>no denial-of-service, spam, social engineering or physical attacks;</li>
        <li>do not demand payment in exchange for withholding or publishing a report.</li>
      </ul>
      <p>
        If a third party brings action against you for research that followed these rules, we will make clear that it
        was authorised. Related: <Link href="/privacy">privacy policy</Link>,{' '}
        <Link href="/subprocessors">sub-processors</Link>.
      </p>
    </LegalPage>
  );
}
