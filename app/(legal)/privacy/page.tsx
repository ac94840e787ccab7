import type { Metadata } from 'next';
import Link from 'next/link';

import { DataTable } from '@/components/marketing/data-table';
import { LegalPage } from '@/components/marketing/legal-page';
import { StoredFields } from '@/components/marketing/stored-fields';
import { operator } from '@/lib/legal/operator';
import { documentedModels } from '@/lib/legal/stored-data';
import { subprocessors } from '@/lib/legal/subprocessors';

export const metadata: Metadata = {
  title: 'Privacy policy',
  description:
    'How Glance handles the data of its customers (as controller) and of the visitors of websites that use it (as processor), your rights, and whom to contact.',
};

export default function PrivacyPage() {
  const op = operator();
  return (
    <LegalPage
      title="Privacy policy"
      intro="Glance handles two kinds of data, in two different roles. For the visitors of our customers’ websites we are a processor: we count their visits on our customers’ behalf and keep nothing that identifies them. For our own customers’ accounts we are the controller. This policy explains both."
    >
      <h2 id="who">Who is responsible</h2>
      <p>
        {op.name}, {op.address}, represented by {op.representative}. Contact for anything about privacy:{' '}
        <a href={`mailto:${op.email}`}>{op.email}</a>. Full details are in the <Link href="/imprint">imprint</Link>.
      </p>

      <h2 id="visitors">If you visited a website that uses Glance</h2>
      <p>
        The owner of that website decided to measure its traffic with Glance and is the controller of that processing.
        We process the data for them, only on their instructions, under our{' '}
        <Link href="/dpa">data processing agreement</Link>.
      </p>
      <ul>
        <li>
          Your browser sends us its IP address and User-Agent with the page’s address and the referrer. We use the IP
          address and User-Agent in memory to compute an anonymous daily visitor id and to find your country, browser
          and device type, then discard them. They are never stored.
        </li>
        <li>
          The visitor id changes every day and cannot be recomputed once the day’s random key is deleted. It differs on
          every website, so it cannot follow you from one site to another.
        </li>
        <li>No cookies are set and nothing is stored in your browser, unless you ask to be excluded (see below).</li>
        <li>
          If your browser sends Do Not Track or Global Privacy Control, nothing is recorded, unless the website’s owner
          turned that off.
        </li>
      </ul>
      <p>
        The <Link href="/data-policy">data policy</Link> lists every field we store and for how long. Because we keep
        nothing that identifies you, we usually cannot find “your” data in the statistics; questions about a website’s
        use of analytics are best sent to its owner, and we help them answer.
      </p>
      <p>
        To exclude your browser from a site’s statistics, open any of its pages with <code>?glance-opt-out=1</code>{' '}
        added to the address. This stores a single flag in that site’s local storage; <code>?glance-opt-out=0</code>{' '}
        removes it.
      </p>

      <h2 id="customers">If you have a Glance account</h2>
      <p>
        We are the controller of the data below. We use it to provide the service you signed up for and for nothing
        else: no advertising, no selling, no profiling.
      </p>
      <ul>
        <li>
          <strong>Providing the service and billing</strong> (GDPR Art. 6(1)(b), performance of our contract): account,
          team, site, goal, token and subscription data.
        </li>
        <li>
          <strong>Security</strong> (Art. 6(1)(f), our legitimate interest in protecting accounts and the service):
          sessions, the audit log and rate limiting of sign-in attempts.
        </li>
        <li>
          <strong>Legal obligations</strong> (Art. 6(1)(c)): invoices and payment records are kept as long as tax and
          accounting law requires, by us and our payment processor.
        </li>
      </ul>
      <p>Every table we keep about accounts, with each of its fields:</p>
      {documentedModels('account').map((model) => (
        <StoredFields key={model.model} model={model} />
      ))}

      <h2 id="our-website">Our own website</h2>
      <p>
        These public pages load no analytics script, not even ours, and set no cookies. The dashboard sets only the
        cookies needed to sign in, described in the <Link href="/cookies">cookie statement</Link>. Our server logs leave
        out IP addresses, User-Agents, cookies and tokens.
      </p>

      <h2 id="recipients">Who else receives data</h2>
      <p>
        Only the sub-processors below, each under a contract that binds them to our instructions. The current list is
        always on the <Link href="/subprocessors">sub-processors page</Link>. Where one of them processes data outside
        the European Economic Area, we rely on an adequacy decision or the EU Standard Contractual Clauses.
      </p>
      <DataTable
        caption="Sub-processors"
        columns={['Company', 'What for']}
        rows={subprocessors(op).map((entry) => [entry.name, entry.purpose])}
      />

      <h2 id="rights">Your rights</h2>
      <p>
        You may ask us for access to your data, its correction or deletion, restriction of its processing, a copy in a
        portable format, and you may object to processing based on legitimate interests. Write to{' '}
        <a href={`mailto:${op.email}`}>{op.email}</a>; we answer within one month. You may also complain to a data
        protection supervisory authority, in particular the one where you live or work.
      </p>
      <p>
        When an account is deleted, the database deletes its sessions and team memberships with it; a team’s sites,
        goals, tokens and statistics are deleted when the team is. Audit-log entries are kept for their retention
        period, as described above.
      </p>

      <h2 id="security">Security</h2>
      <p>
        How we protect data, from password hashing to encryption in transit, is described on the{' '}
        <Link href="/security">security page</Link>.
      </p>

      <h2 id="changes">Changes</h2>
      <p>
        When we change this policy we update the date above, and we tell account holders by email before a change that
        affects them takes effect.
      </p>
    </LegalPage>
  );
}
