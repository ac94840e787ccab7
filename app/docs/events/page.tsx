import type { Metadata } from 'next';

import { DocPage } from '@/components/marketing/doc-page';
import { Note } from '@/components/marketing/note';
import { CodeBlock } from '@/components/ui/code-block';

export const metadata: Metadata = {
  title: 'Custom events and revenue',
  description:
    'Send sign-ups, purchases and other actions to Glance with properties and revenue; tagged elements, outbound links, downloads and 404 pages.',
};

export default function EventsDocsPage() {
  return (
    <DocPage
      title="Custom events and revenue"
      intro="Anything your visitors do can be counted with one call: give the event a name, and optionally properties and an amount."
    >
      <h2 id="send">Sending an event</h2>
      <CodeBlock
        label="Custom event with properties and revenue"
        className="mt-4"
        code={`glance('Signup', { props: { plan: 'pro', source: 'pricing-page' } });

glance('Purchase', {
  props: { product: 'Annual licence' },
  revenue: { amount: 49.9, currency: 'EUR' },
});`}
      />
      <p>
        To call <code>glance()</code> before the script has loaded (from inline code at the top of a page), add this
        queue first; calls made early are sent once the script arrives:
      </p>
      <CodeBlock
        label="Queue for early calls"
        className="mt-4"
        code={`<script>window.glance = window.glance || function () { (window.glance.q = window.glance.q || []).push(arguments) }</script>`}
      />
      <p>
        Pass a <code>callback</code> in the options to run code after the event was sent, for example before leaving the
        page.
      </p>

      <h2 id="limits">Names, properties and limits</h2>
      <ul>
        <li>Event names: 1 to 120 characters. “pageview” is reserved for pageviews.</li>
        <li>
          Properties: up to 30 per event; keys up to 64 characters; values are strings (up to 2,000 characters), numbers
          or booleans, stored as text.
        </li>
        <li>Requests larger than 4 KB are refused with 413; invalid ones with 400 and the reason.</li>
      </ul>
      <Note title="No personal data in events">
        <p>
          Event names and properties are stored as you send them. Never put names, email addresses, user ids or other
          identifiers in them: our terms forbid it, and it would undo the anonymity Glance is built on.
        </p>
      </Note>

      <h2 id="revenue">Revenue</h2>
      <p>
        Add{' '}
        <code>
          revenue: {'{'} amount, currency {'}'}
        </code>{' '}
        to any event. The amount is a number or a decimal string with up to 14 digits before and 4 after the point; the
        currency is a three-letter ISO 4217 code such as <code>EUR</code> or <code>USD</code>. Amounts are stored with
        up to four decimals, in their own currency, without conversion.
      </p>

      <h2 id="tagged">Events without JavaScript: tagged elements</h2>
      <p>
        With <code>script.auto.js</code>, a click on an element whose classes name an event sends it. Use <code>+</code>{' '}
        for spaces; other <code>glance-event-…</code> classes become properties:
      </p>
      <CodeBlock
        label="Tagged element"
        className="mt-4"
        code={`<button class="glance-event-name=Newsletter+Signup glance-event-position=footer">Subscribe</button>`}
      />
      <p>
        This sends <code>Newsletter Signup</code> with{' '}
        <code>
          {'{'} position: &apos;footer&apos; {'}'}
        </code>
        .
      </p>

      <h2 id="automatic">Outbound links and downloads</h2>
      <p>
        <code>script.auto.js</code> also sends <code>Outbound Link: Click</code> (with the link’s URL as the{' '}
        <code>url</code> property) for links to other sites, and <code>File Download</code> (with the file’s URL without
        query string) for links to files such as PDF, ZIP, DOCX or MP4.
      </p>

      <h2 id="404">404 pages</h2>
      <p>Count broken links by calling this on your error page:</p>
      <CodeBlock label="404 event" className="mt-4" code={`glance('404', { props: { path: location.pathname } });`} />
    </DocPage>
  );
}
