import type { Metadata } from 'next';
import Link from 'next/link';

import { COMPARISON_CHECKED } from '@/components/marketing/comparison';
import { ComparisonTable } from '@/components/marketing/comparison-table';
import { DashboardPreview } from '@/components/marketing/dashboard-preview';
import { CodeBlock } from '@/components/ui/code-block';
import { PAID_PLANS, TRIAL_DAYS } from '@/lib/billing/plans';
import { config } from '@/lib/config';
import { SALT_BYTES } from '@/lib/privacy/salts';

export const metadata: Metadata = {
  title: { absolute: 'Glance: privacy-first web analytics without cookies' },
  description:
    'Glance counts visitors, pages, sources and conversions without cookies and without storing personal data. One small script, one clear dashboard.',
};

const PRIVACY_POINTS = [
  {
    title: 'No cookies, nothing on the device',
    body: 'The script sets no cookies and stores nothing in the browser. There is nothing for a consent banner to ask about.',
  },
  {
    title: 'IP addresses are never stored',
    body: 'We use the address for a split second to find the country and count the visitor, then forget it. It never reaches our database or our logs.',
  },
  {
    title: 'Anonymous by design, not by promise',
    body: `Visitors are counted with a keyed hash whose ${SALT_BYTES * 8}-bit random key changes every day and is then deleted. After that, nobody, not even us, can tie a visit to a person.`,
  },
  {
    title: 'No tracking across sites or days',
    body: 'The same browser gets unrelated ids on two different sites and on two different days. There are no profiles to build.',
  },
  {
    title: 'Do Not Track means do not count',
    body: 'Browsers that send Do Not Track or Global Privacy Control are not counted, unless a site owner deliberately turns that off.',
  },
  {
    title: 'Every field, on the record',
    body: 'Our data policy lists each column we store, why, and for how long, and everything we never store.',
  },
];

const FEATURES = [
  [
    'Visitors, visits and pageviews',
    'With bounce rate and visit duration, day by day, compared with the period before.',
  ],
  ['Pages', 'Your most-read pages without query-string clutter; entry and exit pages are recorded for every visit.'],
  [
    'Sources and campaigns',
    'Referrers grouped into names such as Google or Hacker News, channels (search, social, email, referral, paid) and UTM tags.',
  ],
  ['Countries and devices', 'Country, browser, operating system and device class, nothing finer.'],
  [
    'Custom events and revenue',
    'Sign-ups, purchases and downloads with properties and amounts, in one line of JavaScript.',
  ],
  ['Single-page apps', 'History and hash routing work out of the box, or send pageviews yourself.'],
];

export default function LandingPage() {
  const appUrl = config().APP_URL.replace(/\/$/, '');
  const snippet = `<script defer data-domain="example.com" src="${appUrl}/js/script.js"></script>`;
  const fromPrice = Math.min(...PAID_PLANS.map((plan) => plan.prices!.month)) / 100;
  return (
    <>
      <section className="relative overflow-hidden">
        <div
          aria-hidden="true"
          className="absolute inset-x-0 top-0 -z-10 h-[36rem] bg-gradient-to-b from-brand-100/70 via-brand-50/40 to-transparent"
        />
        <div className="mx-auto max-w-6xl px-5 pt-12 pb-14 text-center sm:pt-20">
          <p className="mx-auto w-fit rounded-full bg-white px-3 py-1 text-sm font-medium text-brand-700 shadow-sm ring-1 ring-brand-100">
            Cookieless · No personal data · Under 1 KB
          </p>
          <h1 className="mx-auto mt-6 max-w-3xl text-4xl font-bold tracking-tight text-balance sm:text-6xl">
            Understand your traffic without watching your visitors
          </h1>
          <p className="mx-auto mt-6 max-w-2xl text-lg text-pretty text-slate-700">
            Glance is web analytics that respects the people you measure: one small script, the numbers that matter on
            one page, and no personal data about anyone.
          </p>
          <div className="mt-9 flex flex-wrap justify-center gap-3">
            <Link
              href="/sign-up"
              className="rounded-lg bg-brand-600 px-5 py-3 font-semibold text-white shadow-sm hover:bg-brand-700"
            >
              Start your {TRIAL_DAYS}-day free trial
            </Link>
            <a
              href="#preview"
              className="rounded-lg border border-slate-300 bg-white px-5 py-3 font-semibold text-slate-800 shadow-sm hover:bg-slate-50"
            >
              See the dashboard
            </a>
          </div>
          <p className="mt-4 text-sm text-slate-600">No card needed for the trial.</p>
        </div>
      </section>

      <section id="preview" aria-labelledby="preview-heading" className="mx-auto max-w-6xl scroll-mt-6 px-5 pb-20">
        <h2 id="preview-heading" className="sr-only">
          Dashboard preview
        </h2>
        <DashboardPreview />
        {config().demoData ? (
          <p className="mt-4 text-center text-sm text-slate-600">
            Want to click around?{' '}
            <Link href="/sign-in" className="font-semibold text-brand-700 underline">
              Open the demo
            </Link>{' '}
            with <code>demo@glance.local</code> and the password <code>glance-demo-password</code>.
          </p>
        ) : null}
      </section>

      <section aria-labelledby="install-heading" className="border-y border-slate-200 bg-white py-20">
        <div className="mx-auto grid max-w-6xl items-center gap-10 px-5 lg:grid-cols-2">
          <div>
            <h2 id="install-heading" className="text-3xl font-bold tracking-tight">
              One line to install
            </h2>
            <p className="mt-4 text-slate-700">
              Paste the snippet into the <code>&lt;head&gt;</code> of your pages. It loads after your content, weighs
              under 1&nbsp;KB compressed, and follows single-page-app navigation by itself.
            </p>
            <ol className="mt-6 space-y-3 text-slate-700">
              <li>
                <strong className="text-ink">1. Add your site</strong> and copy its snippet.
              </li>
              <li>
                <strong className="text-ink">2. Paste it</strong> into your site’s layout.
              </li>
              <li>
                <strong className="text-ink">3. Watch the check turn green</strong> when the first pageview arrives.
              </li>
            </ol>
            <p className="mt-6 text-sm">
              <Link href="/docs" className="font-semibold text-brand-700 underline">
                Read the getting-started guide
              </Link>
            </p>
          </div>
          <CodeBlock label="Tracking snippet" code={snippet} className="p-5 leading-relaxed whitespace-pre-wrap" />
        </div>
      </section>

      <section aria-labelledby="privacy-heading" className="mx-auto max-w-6xl px-5 py-20">
        <h2 id="privacy-heading" className="text-center text-3xl font-bold tracking-tight">
          Privacy in plain words
        </h2>
        <p className="mx-auto mt-4 max-w-2xl text-center text-slate-700">
          Good analytics do not need to know who anyone is. Here is what that means in practice.
        </p>
        <ul className="mt-10 grid gap-5 sm:grid-cols-2 lg:grid-cols-3">
          {PRIVACY_POINTS.map((point) => (
            <li key={point.title} className="rounded-2xl border border-slate-200 bg-white p-6 shadow-sm">
              <h3 className="font-semibold">{point.title}</h3>
              <p className="mt-2 text-sm text-slate-700">{point.body}</p>
            </li>
          ))}
        </ul>
        <p className="mt-8 text-center text-sm">
          <Link href="/data-policy" className="font-semibold text-brand-700 underline">
            Read the data policy
          </Link>{' '}
          ·{' '}
          <Link href="/security" className="font-semibold text-brand-700 underline">
            How we secure Glance
          </Link>
        </p>
      </section>

      <section aria-labelledby="features-heading" className="border-y border-slate-200 bg-white py-20">
        <div className="mx-auto max-w-6xl px-5">
          <h2 id="features-heading" className="text-center text-3xl font-bold tracking-tight">
            What Glance measures
          </h2>
          <dl className="mt-10 grid gap-x-8 gap-y-8 sm:grid-cols-2 lg:grid-cols-3">
            {FEATURES.map(([title, body]) => (
              <div key={title}>
                <dt className="font-semibold">{title}</dt>
                <dd className="mt-1 text-sm text-slate-700">{body}</dd>
              </div>
            ))}
          </dl>
        </div>
      </section>

      <section aria-labelledby="compare-heading" className="mx-auto max-w-6xl px-5 py-20">
        <h2 id="compare-heading" className="text-center text-3xl font-bold tracking-tight">
          How Glance compares
        </h2>
        <p className="mx-auto mt-4 max-w-2xl text-center text-slate-700">
          Only facts you can check yourself in each product’s documentation or source code.
        </p>
        <ComparisonTable />
        <p className="mt-3 text-xs text-slate-600">
          Other products as publicly documented in {COMPARISON_CHECKED}. Products change: if a cell is out of date, tell
          us and we will fix it.
        </p>
      </section>

      <section aria-labelledby="cta-heading" className="mx-auto max-w-6xl px-5 pb-8">
        <div className="rounded-3xl bg-ink px-6 py-14 text-center text-white sm:px-12">
          <h2 id="cta-heading" className="text-3xl font-bold tracking-tight text-balance">
            Analytics your visitors would agree to
          </h2>
          <p className="mx-auto mt-4 max-w-xl text-slate-200">
            Try everything free for {TRIAL_DAYS} days. Plans from €{fromPrice} a month after that.
          </p>
          <div className="mt-8 flex flex-wrap justify-center gap-3">
            <Link
              href="/sign-up"
              className="rounded-lg bg-white px-5 py-3 font-semibold text-ink shadow-sm hover:bg-brand-50"
            >
              Start your free trial
            </Link>
            <Link
              href="/pricing"
              className="rounded-lg border border-slate-500 px-5 py-3 font-semibold text-white hover:bg-white/10"
            >
              See pricing
            </Link>
          </div>
        </div>
      </section>
    </>
  );
}
