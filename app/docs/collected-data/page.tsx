import type { Metadata } from 'next';
import Link from 'next/link';

import { DataTable } from '@/components/marketing/data-table';
import { DocPage } from '@/components/marketing/doc-page';
import { EVENT_RETENTION_RANGE, NEVER_STORED } from '@/lib/legal/hit-data';
import { documentedModels } from '@/lib/legal/stored-data';

export const metadata: Metadata = {
  title: 'What is collected',
  description:
    'An honest list of what the Glance script sends, what the server derives and keeps, and what it throws away.',
};

// The tracker's request body (lib/ingest/hit-schema.ts) and what becomes of each field.
const SENT: [string, string, string][] = [
  ['n', 'Event name', 'Stored.'],
  ['u', 'Page URL', 'Reduced to host name and path; UTM tags and allow-listed parameters kept; the rest dropped.'],
  ['d', 'Site domain (data-domain)', 'Used to find the site.'],
  ['r', 'Referrer (document.referrer)', 'Reduced to its domain and a source name; the rest dropped.'],
  ['w', 'Window width', 'Reduced to a size class; the number dropped.'],
  ['h', 'Hash routing flag', 'Decides whether the #/route is the path.'],
  ['p', 'Custom properties', 'Stored as sent.'],
  ['$', 'Revenue amount and currency', 'Stored as sent.'],
];

export default function CollectedDataPage() {
  const stored = documentedModels('visitor').find((model) => model.model === 'Event')!;
  return (
    <DocPage
      title="What is collected"
      intro="The complete picture, from the request a browser sends to the row Glance keeps. Nothing else is collected."
    >
      <h2 id="sent">What the script sends</h2>
      <p>One small JSON body per pageview or event:</p>
      <DataTable
        caption="Fields the script sends"
        columns={['Key', 'Content', 'What happens to it']}
        rows={SENT.map(([key, content, fate]) => [<code key={key}>{key}</code>, content, fate])}
      />
      <p>
        The browser adds the <strong>IP address</strong> and the <strong>User-Agent</strong>, as with any request. Both
        are used in memory only (country lookup, browser and device type, anonymous daily visitor id) and never stored.
        Glance reads no cookies, no local storage other than its opt-out flag, no screen resolution, fonts, plugins or
        anything else that could fingerprint a browser.
      </p>

      <h2 id="stored">What an event row holds</h2>
      <p>
        Kept for your plan’s retention period ({EVENT_RETENTION_RANGE}). Visits summarise the same fields per visit; the{' '}
        <Link href="/data-policy">data policy</Link> lists both tables and the daily salts in full.
      </p>
      <DataTable
        caption="Fields stored for each event"
        columns={['Field', 'What it holds']}
        rows={stored.fields.map(([field, text]) => [<code key={field}>{field}</code>, text])}
      />

      <h2 id="never">What is never stored</h2>
      <ul>
        {NEVER_STORED.map((entry) => (
          <li key={entry.item}>
            <strong>{entry.item}.</strong> {entry.detail}
          </li>
        ))}
      </ul>

      <h2 id="who-sees">Who can see it</h2>
      <p>
        The members of the team that owns the site, with the roles described on the{' '}
        <Link href="/security#fact-roles">security page</Link>. The data stays on the servers of our hosting provider,
        listed with every other <Link href="/subprocessors">sub-processor</Link>.
      </p>
    </DocPage>
  );
}
