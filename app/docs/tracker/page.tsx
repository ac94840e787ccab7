import type { Metadata } from 'next';
import Link from 'next/link';

import { DataTable } from '@/components/marketing/data-table';
import { DocPage } from '@/components/marketing/doc-page';
import { Note } from '@/components/marketing/note';
import { CodeBlock } from '@/components/ui/code-block';
import { config } from '@/lib/config';

export const metadata: Metadata = {
  title: 'Tracker options',
  description:
    'Script variants and attributes of the Glance tracker: single-page apps, hash routing, manual mode, local testing, excluded pages and visitor opt-out.',
};

const VARIANTS: [string, string][] = [
  ['script.js', 'Pageviews, single-page-app navigation, custom events with properties and revenue, manual mode.'],
  ['script.hash.js', 'The same, for sites whose routes live in the fragment (#/pricing).'],
  ['script.auto.js', 'The core plus outbound-link clicks, file downloads and tagged elements.'],
  ['script.hash.auto.js', 'Everything above together.'],
];

const ATTRIBUTES: [string, string][] = [
  ['data-domain', 'Required. The site’s domain as you added it in Glance.'],
  [
    'data-api',
    'Where to send events, if not /api/event on the script’s own origin (for example a proxy on your domain).',
  ],
  ['data-manual', 'No automatic pageviews: you send them yourself (see below).'],
  ['data-local', 'Also send from localhost, 127.0.0.1, [::1] and file: pages, for testing.'],
];

export default function TrackerDocsPage() {
  const appUrl = config().APP_URL.replace(/\/$/, '');
  return (
    <DocPage
      title="Tracker options"
      intro="One script, four variants, four attributes. Pick the smallest variant that does what you need."
    >
      <h2 id="variants">Variants</h2>
      <p>
        Replace <code>script.js</code> in the snippet with another file name. All variants are served from{' '}
        <code>{appUrl}/js/</code> and cached by browsers for a day.
      </p>
      <DataTable
        caption="Script variants"
        columns={['File', 'What it does']}
        rows={VARIANTS.map(([file, text]) => [<code key={file}>{file}</code>, text])}
      />

      <h2 id="attributes">Attributes</h2>
      <DataTable
        caption="Script attributes"
        columns={['Attribute', 'Effect']}
        rows={ATTRIBUTES.map(([name, text]) => [<code key={name}>{name}</code>, text])}
      />

      <h2 id="spa">Single-page apps</h2>
      <p>
        The script follows <code>history.pushState</code>, <code>replaceState</code> and the back button by itself, and
        sends one pageview per new path. Changing only the query string or scrolling to an anchor is not a new page. A
        page opened as a browser prerender is counted only when it becomes visible.
      </p>

      <h2 id="hash-routing">Hash routing</h2>
      <p>
        If your app’s routes look like <code>/#/settings</code>, use <code>script.hash.js</code>. The part after{' '}
        <code>#</code> then becomes the page path (<code>/settings</code>), and changes of the hash count as pageviews.
      </p>

      <h2 id="manual">Manual mode</h2>
      <p>
        With <code>data-manual</code> the script sends nothing by itself. Send pageviews when you want, optionally for a
        different URL, for example to group pages or hide identifiers in paths:
      </p>
      <CodeBlock
        label="Manual pageview"
        className="mt-4"
        code={`<script defer data-manual data-domain="example.com" src="${appUrl}/js/script.js"></script>
<script>
  // after the script has loaded:
  glance('pageview', { u: 'https://example.com/orders/:id' });
</script>`}
      />

      <h2 id="exclusions">Excluding pages</h2>
      <p>
        A site can exclude paths from counting with patterns: <code>*</code> matches within one path segment,{' '}
        <code>**</code> across segments. <code>/admin/**</code> excludes everything under <code>/admin/</code>;{' '}
        <code>/preview/*</code> excludes <code>/preview/abc</code> but not <code>/preview/abc/edit</code>. Excluded hits
        are dropped on arrival, before anything about them is derived.
      </p>
      <p>
        A site can also exclude visitors’ IP addresses — your office, your own devices — under{' '}
        <strong>Settings → Excluded IP addresses</strong>, including a button for the address you are browsing from.
        Glance stores only a SHA-256 hash of each address together with the site’s id and compares hashes on arrival, so
        the list cannot be displayed again (only counted, added to or cleared). Hits from these addresses are answered{' '}
        <code>202</code> with <code>X-Glance-Dropped: excluded-ip</code>.
      </p>
      <p>
        In the same way, a site lists the query parameters worth keeping in paths (such as <code>page</code> or{' '}
        <code>category</code>); all others are removed before storing.
      </p>
      <Note title="Where to set them">
        <p>
          Owners and admins set both, and the excluded addresses, in the site’s <strong>Settings</strong>, under{' '}
          <strong>Data collection</strong> and <strong>Excluded IP addresses</strong>. A change applies to the next hit.
        </p>
      </Note>

      <h2 id="opt-out">Visitor opt-out</h2>
      <p>
        Anyone can exclude their own browser from a site’s statistics by opening any page of it with{' '}
        <code>?glance-opt-out=1</code> added to the address, and include it again with <code>?glance-opt-out=0</code>.
        The choice is kept as a single <code>glance_ignore</code> flag in that site’s local storage. Link to it from
        your privacy notice, for example <code>https://example.com/?glance-opt-out=1</code>.
      </p>
      <p>
        Browsers that send <strong>Do Not Track</strong> or <strong>Global Privacy Control</strong> are not counted at
        all, unless the site’s owner turned that off for the site.
      </p>

      <h2 id="how-it-sends">How the script sends</h2>
      <p>
        Each event is one small <code>POST</code> with{' '}
        <code>
          fetch(…, {'{'} keepalive: true {'}'})
        </code>{' '}
        as <code>text/plain</code>, so the browser needs no extra preflight request and the last event of a page still
        leaves when the page closes. Glance sets no cookies and reads none from the request. See{' '}
        <Link href="/docs/collected-data">what is collected</Link> for the content of each request.
      </p>
    </DocPage>
  );
}
