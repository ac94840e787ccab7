import type { Metadata } from 'next';
import Link from 'next/link';

import { DataTable } from '@/components/marketing/data-table';
import { LegalPage } from '@/components/marketing/legal-page';
import { cookieNameFor, DASHBOARD_COOKIES, TRACKER_OPT_OUT_KEY } from '@/lib/legal/cookies';

export const metadata: Metadata = {
  title: 'Cookie statement',
  description:
    'The Glance tracker sets no cookies. The dashboard sets only the cookies needed to sign in; here is each of them.',
};

export default function CookiesPage() {
  return (
    <LegalPage
      title="Cookie statement"
      intro="The Glance script on our customers’ websites sets no cookies, reads none and stores nothing in visitors’ browsers. Our own public pages set none either. Only the dashboard, once you sign in, uses the few strictly necessary cookies below."
    >
      <h2 id="tracker">On websites that use Glance</h2>
      <p>
        No cookies. The one exception to “nothing stored” is a visitor’s own request to be excluded: opening a page with{' '}
        <code>?glance-opt-out=1</code> stores the flag <code>{TRACKER_OPT_OUT_KEY}</code> in that website’s local
        storage, so the script knows not to count that browser. <code>?glance-opt-out=0</code> removes it.
      </p>

      <h2 id="dashboard">In the Glance dashboard</h2>
      <p>
        These cookies are first-party, HTTP-only (scripts in the page cannot read them), not sent along with requests
        from other sites (SameSite=Lax, or Strict for the two that live only minutes during a sign-in), and used for
        nothing but signing in. Over HTTPS their names carry the <code>__Secure-</code> or <code>__Host-</code> prefix,
        which tells browsers to accept them only over a secure connection.
      </p>
      <DataTable
        caption="Cookies set by the dashboard"
        columns={['Cookie', 'Purpose', 'Set', 'Lifetime']}
        rows={DASHBOARD_COOKIES.map((cookie) => [
          <code key={cookie.name}>{cookieNameFor(cookie, 'https://glance.example')}</code>,
          cookie.purpose,
          cookie.setWhen,
          cookie.lifetime,
        ])}
      />
      <p>
        Because they are strictly necessary for a service you asked for, they need no consent. We use no advertising,
        analytics or third-party cookies anywhere. More on data in general: <Link href="/privacy">privacy policy</Link>.
      </p>
    </LegalPage>
  );
}
