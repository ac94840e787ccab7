import type { Metadata } from 'next';

import { DocPage } from '@/components/marketing/doc-page';
import { CodeBlock } from '@/components/ui/code-block';
import { SHARE_UNLOCK_HOURS } from '@/lib/auth/cookies';

export const metadata: Metadata = {
  title: 'Shared links and embedding',
  description:
    'Share a read-only Glance dashboard with people who have no account, behind an optional password, or embed it in another website.',
};

export default function SharingDocsPage() {
  return (
    <DocPage
      title="Shared links and embedding"
      intro="Show a site’s dashboard to investors, clients or the public without giving them an account: read-only, optionally behind a password, revocable at any moment."
    >
      <h2 id="create">Creating a shared link</h2>
      <p>
        Owners and admins open a site&rsquo;s <strong>Settings → Shared links</strong>, give the link a name (only your
        team sees it) and, if they want, a password of at least 8 characters. The link&rsquo;s address ends in 22 random
        characters (128 bits), so it cannot be guessed. A site can have several links, for example one per audience, and
        each one is recorded in the team&rsquo;s audit log.
      </p>

      <h2 id="view">What people with the link see</h2>
      <p>
        The same dashboard as your team: top-line numbers, the chart, every breakdown, goals and funnels, with date
        ranges and filters (clicking a row filters, as usual). They cannot open settings, export data or see other
        sites. Without a password the address alone is enough; with one, the visitor enters it once and the browser
        remembers it for {SHARE_UNLOCK_HOURS} hours in a cookie that holds only a signed reference to the link (see the{' '}
        <a href="/cookies">cookie statement</a>). Ten wrong passwords from one address within a minute make it wait.
      </p>

      <h2 id="revoke">Revoking</h2>
      <p>
        <strong>Revoke</strong> deletes the link. Its address answers &ldquo;not found&rdquo; from the next request on,
        including for visitors who already entered the password. Deleting the site deletes its links too.
      </p>

      <h2 id="embed">Embedding in another website</h2>
      <p>
        Tick <strong>Allow other websites to embed this dashboard</strong> when creating a link, and the settings show
        an <code>&lt;iframe&gt;</code> to paste into your page. Only such links may be framed: every other Glance page,
        including the same link&rsquo;s normal address, tells browsers never to show it inside another site (
        <code>frame-ancestors &apos;none&apos;</code>). Password-protected links cannot be embedded, because browsers
        block the password cookie inside frames of other sites.
      </p>
      <CodeBlock
        label="Embedding a shared dashboard"
        className="mt-4"
        code={`<iframe src="https://YOUR-GLANCE-HOST/share/LINK-ID/embed" title="Web analytics"
        loading="lazy" style="width:100%;height:1600px;border:0"></iframe>`}
      />
    </DocPage>
  );
}
