import type { Metadata } from 'next';
import Link from 'next/link';

import { LegalPage } from '@/components/marketing/legal-page';
import { TRIAL_DAYS } from '@/lib/billing/plans';
import { POLICY } from '@/lib/billing/policy-text';
import { operator } from '@/lib/legal/operator';

export const metadata: Metadata = {
  title: 'Terms of service',
  description:
    'The agreement between Glance and its customers: accounts, trial, plans and payment, quotas, acceptable use, data, liability.',
};

export default function TermsPage() {
  const op = operator();
  return (
    <LegalPage
      title="Terms of service"
      intro={`These terms are the agreement between ${op.name} (“we”) and the business or person who creates a Glance account (“you”). Glance is offered to businesses and professionals for measuring their own websites.`}
    >
      <h2 id="service">1. The service</h2>
      <p>
        Glance measures traffic on websites you own or manage and shows you the statistics. What we collect and what we
        never collect is set out in the <Link href="/data-policy">data policy</Link>; we will not extend collection to
        personal data without changing these terms and telling you first.
      </p>

      <h2 id="accounts">2. Accounts</h2>
      <ul>
        <li>You give a valid email address and keep your sign-in details to yourself.</li>
        <li>
          You are responsible for what happens in your teams, including the people you invite and the roles you give
          them.
        </li>
        <li>Tell us at once if you suspect someone else has access to your account.</li>
      </ul>

      <h2 id="trial-and-payment">3. Trial, plans and payment</h2>
      <ul>
        <li>
          The free trial lasts {TRIAL_DAYS} days and needs no payment details. It ends by itself; then your sites stop
          recording until you choose a plan (section 4).
        </li>
        <li>
          Paid plans are billed in advance, monthly or yearly, at the prices on the{' '}
          <Link href="/pricing">pricing page</Link> plus VAT where it applies. Payments are processed by Stripe.
        </li>
        <li>
          You may change plans or cancel at any time; a cancelled plan runs to the end of the period already paid. Paid
          periods are not refunded unless the law requires it.
        </li>
        <li>
          We may change prices with at least 30 days’ notice by email; the change applies from your next billing period,
          and you may cancel before it does.
        </li>
      </ul>

      <h2 id="quota">4. Quotas</h2>
      <p>Each plan includes a number of pageviews per billing period. {POLICY.overQuota}</p>
      <p>{POLICY.lapsed}</p>

      <h2 id="use">5. Acceptable use</h2>
      <ul>
        <li>Only measure websites you own or are authorised to measure.</li>
        <li>
          Do not send personal data to Glance: no names, email addresses, customer numbers or similar identifiers in
          event names, properties, paths or allowed query parameters.
        </li>
        <li>Do not try to identify individual visitors with Glance or with data taken from it.</li>
        <li>
          Do not attack, overload, probe or reverse-engineer the service beyond what our{' '}
          <Link href="/security#disclosure">disclosure policy</Link> allows, and do not use it for anything unlawful.
        </li>
      </ul>
      <p>
        We may suspend an account that breaks these rules after telling you why, or at once if it endangers the service
        or others.
      </p>

      <h2 id="privacy">6. Your data and your visitors’ privacy</h2>
      <ul>
        <li>Your statistics belong to you. We use them only to provide the service to you.</li>
        <li>
          You decide to measure your website and are the controller of that processing; we process on your behalf under
          the <Link href="/dpa">data processing agreement</Link>, which is part of these terms.
        </li>
        <li>You tell your visitors about your use of analytics in your own privacy notice.</li>
      </ul>

      <h2 id="availability">7. Availability and changes</h2>
      <p>
        We work to keep Glance available and fast, but we do not promise uninterrupted service. We may improve and
        change the service; we will not remove a feature of your paid plan during the period you paid for.
      </p>

      <h2 id="liability">8. Liability</h2>
      <p>
        We are liable without limitation for intent and gross negligence, for injury to life, body or health, and where
        the law does not allow a limitation. Otherwise, our liability for slight negligence is limited to breaches of
        essential contractual obligations and to the damage typical and foreseeable for this kind of contract, and in
        total to the fees you paid in the twelve months before the event.
      </p>

      <h2 id="termination">9. Ending the agreement</h2>
      <p>
        You may close your account at any time. We may end the agreement with 30 days’ notice, or at once for a serious
        breach. After the end, we delete your teams’ data within 30 days, except what the law obliges us to keep.
      </p>

      <h2 id="general">10. General</h2>
      <p>
        These terms are governed by the law of the country where {op.name} has its registered office ({op.address}),
        excluding the UN Convention on Contracts for the International Sale of Goods. If a provision is invalid, the
        rest remains in force. We may update these terms with 30 days’ notice by email; if you do not agree, you may
        cancel before they apply.
      </p>
      <p>
        Questions: <a href={`mailto:${op.email}`}>{op.email}</a>.
      </p>
    </LegalPage>
  );
}
