import type { Metadata } from 'next';
import Link from 'next/link';

import { DocPage } from '@/components/marketing/doc-page';
import { CodeBlock } from '@/components/ui/code-block';
import { config } from '@/lib/config';

export const metadata: Metadata = {
  title: 'Getting started',
  description: 'Add your site to Glance, paste one script tag, and check that pageviews arrive.',
};

export default function GettingStartedPage() {
  const appUrl = config().APP_URL.replace(/\/$/, '');
  return (
    <DocPage
      title="Getting started"
      intro="Three steps: add your site, paste the script, see the first pageview arrive. It takes about two minutes."
    >
      <h2 id="add-site">1. Add your site</h2>
      <p>
        After signing in, choose <strong>Add a site</strong> and enter its domain, for example <code>example.com</code>.
        Leave out <code>https://</code> and <code>www.</code>; subdomains such as <code>blog.example.com</code> are
        counted with the site. Pick the time zone your days should follow. Only owners and admins of a team can add
        sites.
      </p>

      <h2 id="snippet">2. Paste the snippet</h2>
      <p>
        Your site’s page shows its snippet with a copy button. It looks like this and belongs in the{' '}
        <code>&lt;head&gt;</code> of every page, typically in your layout or template:
      </p>
      <CodeBlock
        label="Tracking snippet"
        code={`<script defer data-domain="example.com" src="${appUrl}/js/script.js"></script>`}
        className="mt-4"
      />
      <p>
        <code>defer</code> lets your page render first. <code>data-domain</code> must match the domain you added. The
        script sends a pageview on load and on every client-side navigation; the{' '}
        <Link href="/docs/tracker">tracker options</Link> cover single-page apps, hash routing and more.
      </p>

      <h2 id="verify">3. Check that it works</h2>
      <ul>
        <li>
          Open your site in a normal browser window. The site’s page in Glance shows “Waiting for the first pageview…”
          and turns green within a few seconds of the first hit.
        </li>
        <li>
          In your browser’s developer tools, the Network tab shows a <code>POST</code> to <code>/api/event</code>{' '}
          answered with <code>202</code>.
        </li>
        <li>
          If the answer carries an <code>X-Glance-Dropped</code> header, the hit was deliberately not counted, and the
          header says why: <code>bot</code>, <code>do-not-track</code>, <code>hostname</code> (the page is not on the
          site’s domain), <code>excluded-path</code> or <code>excluded-ip</code> (see{' '}
          <Link href="/docs/tracker#exclusions">exclusions</Link>).
        </li>
        <li>
          A <code>404</code> with “no site is registered for domain” means <code>data-domain</code> does not match a
          site.
        </li>
      </ul>

      <h2 id="nothing-arrives">Nothing arrives?</h2>
      <ul>
        <li>
          Pages on <code>localhost</code>, <code>127.0.0.1</code>, <code>[::1]</code> or <code>file:</code> send nothing
          unless the script tag has a <code>data-local</code> attribute.
        </li>
        <li>Browsers driven by automation (Playwright, Selenium, Puppeteer) send nothing.</li>
        <li>
          If your browser sends Do Not Track or Global Privacy Control, your own visits are not counted: that is the
          default.
        </li>
        <li>
          A page visited with <code>?glance-opt-out=1</code> excludes that browser until <code>?glance-opt-out=0</code>.
        </li>
        <li>Some ad blockers block analytics scripts by their address.</li>
      </ul>

      <h2 id="next">Next</h2>
      <ul>
        <li>
          <Link href="/docs/events">Send custom events and revenue</Link>
        </li>
        <li>
          <Link href="/docs/collected-data">See exactly what is collected</Link>
        </li>
      </ul>
    </DocPage>
  );
}
