import type { Metadata } from 'next';
import Link from 'next/link';

import { DocPage } from '@/components/marketing/doc-page';
import { Note } from '@/components/marketing/note';
import { CodeBlock } from '@/components/ui/code-block';
import { PAID_PLANS } from '@/lib/billing/plans';
import { config } from '@/lib/config';

export const metadata: Metadata = {
  title: 'API and tokens',
  description:
    'Read your Glance statistics from your own programs with team API tokens: how tokens are created, scoped, stored and revoked.',
};

export default function ApiDocsPage() {
  const appUrl = config().APP_URL.replace(/\/$/, '');
  const apiPlans = PAID_PLANS.filter((plan) => plan.features.statsApi).map((plan) => plan.name);
  return (
    <DocPage
      title="API and tokens"
      intro={`The stats API lets your own programs read the statistics of your team’s sites. It is part of the ${new Intl.ListFormat('en').format(apiPlans)} plans and of the trial.`}
    >
      <h2 id="tokens">Tokens</h2>
      <ul>
        <li>Owners and admins create tokens in the team settings. A token belongs to the team, not to a person.</li>
        <li>
          The token is shown once, when it is created. Glance keeps only its SHA-256 hash and its first characters, so
          you can recognise it in the list; nobody can read it back, us included. Lost it? Revoke it and create another.
        </li>
        <li>Each token has scopes (for example read-only) and may have an expiry date.</li>
        <li>The list shows when each token was last used. Revoking a token stops it immediately.</li>
      </ul>

      <h2 id="auth">Authentication</h2>
      <p>Send the token as a bearer token with every request, over HTTPS:</p>
      <CodeBlock
        label="Authenticated request"
        className="mt-4"
        code={`curl -H "Authorization: Bearer $GLANCE_TOKEN" ${appUrl}/api/v1/…`}
      />
      <p>
        A missing, expired or revoked token is answered with <code>401</code>; a token without the needed scope with{' '}
        <code>403</code>. Keep tokens out of browsers and public repositories: they read your statistics.
      </p>

      <Note title="Status">
        <p>
          The API and token management are being built. The endpoint reference on this page will be generated from the
          API’s OpenAPI document when it ships, so it always matches the code. Until then, the{' '}
          <Link href="/docs/collected-data">data description</Link> shows what the statistics are made of.
        </p>
      </Note>
    </DocPage>
  );
}
