import type { Metadata } from 'next';
import Link from 'next/link';

import { LegalPage } from '@/components/marketing/legal-page';
import { StoredFields } from '@/components/marketing/stored-fields';
import { MAX_BODY_BYTES } from '@/lib/ingest/hit-schema';
import { NEVER_STORED } from '@/lib/legal/hit-data';
import { documentedModels } from '@/lib/legal/stored-data';
import { SALT_BYTES } from '@/lib/privacy/salts';
import { VISITOR_ID_BITS } from '@/lib/privacy/visitor-id';

export const metadata: Metadata = {
  title: 'Data policy',
  description:
    'Every field Glance stores for a pageview or event, why and for how long, and everything it never stores: no IP addresses, no User-Agents, no cookies.',
};

export default function DataPolicyPage() {
  return (
    <LegalPage
      title="Data policy"
      intro="This page lists, field by field, what Glance keeps when a visitor opens a page of a website that uses it, and what it never keeps. The list is generated from our database schema’s documentation, and a test fails our build if a column exists that this page does not describe."
    >
      <h2 id="journey">What happens to a hit</h2>
      <ol>
        <li>
          The script sends a small request (at most {MAX_BODY_BYTES / 1024} KB): the event name, the page URL, the
          site’s domain, the referrer, the window width and, for custom events, properties and revenue. The browser adds
          its IP address and User-Agent, as it does for any request.
        </li>
        <li>
          <strong>Dropped first:</strong> requests from bots and automated browsers, from browsers sending Do Not Track
          or Global Privacy Control (unless the site’s owner turned that off), for other hosts, and for paths the owner
          excluded. Nothing is derived or stored for them.
        </li>
        <li>
          <strong>Anonymous visitor id:</strong> the first {VISITOR_ID_BITS} bits of an HMAC-SHA256 over the site id,
          the IP address and the User-Agent, keyed with a random {SALT_BYTES}-byte salt for the current UTC day. The
          salt is deleted once the day is over (with a 30-minute grace period after midnight), after which the id can no
          longer be linked to any IP address.
        </li>
        <li>
          <strong>Coarse dimensions:</strong> the country (and, only if the owner enables it, region and city) is looked
          up from the IP address in memory; browser, operating system and device class are read from the User-Agent; the
          referrer is reduced to its domain and a source name; the page URL is reduced to its path.
        </li>
        <li>
          <strong>Discarded:</strong> the IP address and the User-Agent are never written to the database or to a log.
          They exist only in the memory of the request that carried them.
        </li>
      </ol>

      <h2 id="stored">Everything we store</h2>
      <p>
        Three tables hold data about visitors. None of their columns contains an IP address, a User-Agent, a full URL or
        anything that identifies a person across sites or days.
      </p>
      {documentedModels('visitor').map((model) => (
        <StoredFields key={model.model} model={model} />
      ))}

      <h2 id="never-stored">What we never store</h2>
      <ul>
        {NEVER_STORED.map((entry) => (
          <li key={entry.item}>
            <strong>{entry.item}.</strong> {entry.detail}
          </li>
        ))}
      </ul>

      <h2 id="owners">What site owners control</h2>
      <ul>
        <li>Paths to exclude from counting, and query parameters to keep in paths (everything else is stripped).</li>
        <li>
          Visitor IP addresses to exclude from counting, stored only as hashes (SHA-256 of the site’s id and the
          address).
        </li>
        <li>Whether region and city are stored (off by default; country only).</li>
        <li>Whether Do Not Track and Global Privacy Control are honoured (on by default).</li>
        <li>
          What custom events and properties their site sends. Our <Link href="/terms">terms</Link> forbid sending
          personal data such as names or email addresses in them.
        </li>
      </ul>

      <h2 id="account-data">Account data</h2>
      <p>
        Data about our customers (email addresses, teams, billing) is described in the{' '}
        <Link href="/privacy">privacy policy</Link>, with the same field-by-field detail.
      </p>
    </LegalPage>
  );
}
