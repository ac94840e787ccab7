import type { Metadata } from 'next';
import Link from 'next/link';

import { PricingPlans } from '@/components/marketing/pricing-plans';
import { Prose } from '@/components/marketing/prose';
import { PAID_PLANS, PLANS, TRIAL_DAYS } from '@/lib/billing/plans';
import { POLICY } from '@/lib/billing/policy-text';

export const metadata: Metadata = {
  title: 'Pricing',
  description: `Glance plans by monthly pageviews, from ${PAID_PLANS[0]!.name} to ${PAID_PLANS.at(-1)!.name}. ${TRIAL_DAYS}-day free trial, no card needed, yearly billing with months free.`,
};

// The paid plan whose volume, limits and features the trial gives (two-factor policy aside).
const trialMatch = PAID_PLANS.find(
  ({ monthlyPageviews, limits, features }) =>
    monthlyPageviews === PLANS.trial.monthlyPageviews &&
    limits.sites === PLANS.trial.limits.sites &&
    limits.members === PLANS.trial.limits.members &&
    features.sharedLinks === PLANS.trial.features.sharedLinks &&
    features.funnels === PLANS.trial.features.funnels &&
    features.statsApi === PLANS.trial.features.statsApi,
);

const FAQ: { question: string; answer: React.ReactNode }[] = [
  {
    question: 'What counts towards my monthly quota?',
    answer: POLICY.counted,
  },
  {
    question: 'What happens if I go over my quota?',
    answer: POLICY.overQuota,
  },
  {
    question: 'What happens when the trial ends, or if a payment fails?',
    answer: POLICY.lapsed,
  },
  {
    question: 'How does the free trial work?',
    answer: `For ${TRIAL_DAYS} days you get ${trialMatch ? `the features of ${trialMatch.name}` : 'every feature'} with up to ${PLANS.trial.monthlyPageviews.toLocaleString('en')} pageviews, ${PLANS.trial.limits.sites} sites and ${PLANS.trial.limits.members} team members. No card is needed; to keep recording after the trial, choose a plan (choosing one during the trial keeps the rest of it free).`,
  },
  {
    question: 'Can I change plans or cancel?',
    answer:
      'Yes, at any time: owners choose a plan on the team’s billing page, and change it, update the card, download invoices or cancel in the billing portal it links to. A cancelled subscription runs until the end of the period you paid for.',
  },
  {
    question: 'How long do you keep my statistics?',
    answer: (
      <>
        As long as your plan says:{' '}
        {PAID_PLANS.map((plan) => `${plan.name} ${plan.limits.retentionMonths} months`).join(', ')}. Older events are
        deleted. The <Link href="/data-policy">data policy</Link> lists every field we keep.
      </>
    ),
  },
  {
    question: 'Are prices with or without VAT?',
    answer: 'Prices are in euros and exclude VAT, which is added at checkout where it applies.',
  },
  {
    question: 'Do I need a cookie banner for Glance?',
    answer:
      'Glance sets no cookies, stores nothing in a visitor’s browser unless that visitor asks to be excluded, and stores no personal data. Whether your site needs a banner also depends on the other tools it uses; we cannot give legal advice.',
  },
  {
    question: 'Can I run Glance on my own server instead?',
    answer: (
      <>
        Yes. <Link href="/docs/self-hosting">The self-hosting guide</Link> explains what you need: Node.js and
        PostgreSQL.
      </>
    ),
  },
];

export default function PricingPage() {
  return (
    <div className="mx-auto max-w-6xl px-5 pt-8">
      <div className="text-center">
        <h1 className="text-4xl font-bold tracking-tight text-balance sm:text-5xl">Simple pricing by traffic</h1>
        <p className="mx-auto mt-4 max-w-2xl text-lg text-slate-700">
          Every plan has every privacy protection. Start with a {TRIAL_DAYS}-day free trial, no card needed.
        </p>
      </div>
      <div className="mt-10">
        <PricingPlans plans={PAID_PLANS} highlightPlanId={trialMatch?.id ?? ''} />
      </div>
      <section aria-labelledby="faq-heading" className="mx-auto mt-20 max-w-3xl">
        <h2 id="faq-heading" className="text-center text-3xl font-bold tracking-tight">
          Questions
        </h2>
        <div className="mt-8 divide-y divide-slate-200 rounded-2xl border border-slate-200 bg-white">
          {FAQ.map((item) => (
            <details key={item.question} className="group px-5 py-4">
              <summary className="cursor-pointer list-none font-semibold marker:hidden">
                <span className="flex items-center justify-between gap-4">
                  {item.question}
                  <span aria-hidden="true" className="text-brand-600 transition group-open:rotate-45">
                    +
                  </span>
                </span>
              </summary>
              <Prose className="[&>p:first-child]:mt-2">
                <p>{item.answer}</p>
              </Prose>
            </details>
          ))}
        </div>
      </section>
    </div>
  );
}
