'use client';

import Link from 'next/link';
import { useState } from 'react';

import { BillingIntervalSwitch } from '@/components/ui/billing-interval-switch';
import { formatEuros } from '@/lib/billing/euros';
import type { BillingInterval, Plan } from '@/lib/billing/plans';

const count = (value: number) => new Intl.NumberFormat('en', { notation: 'compact' }).format(value);

function planLines(plan: Plan): string[] {
  return [
    `${count(plan.monthlyPageviews)} pageviews a month`,
    `${plan.limits.sites} sites`,
    plan.limits.members === 1 ? '1 team member' : `${plan.limits.members} team members`,
    `Data kept for ${plan.limits.retentionMonths} months`,
    ...(plan.features.sharedLinks ? ['Shared dashboard links'] : []),
    ...(plan.features.funnels ? ['Funnels'] : []),
    ...(plan.features.statsApi ? ['Stats API with tokens'] : []),
    ...(plan.features.ownersNeedTwoFactor ? ['Two-factor sign-in required for owners'] : []),
  ];
}

/** The paid plans with a monthly/yearly switch; everything shown comes from lib/billing/plans.ts. */
export function PricingPlans({ plans, highlightPlanId }: { plans: Plan[]; highlightPlanId: string }) {
  const [interval, setInterval] = useState<BillingInterval>('month');
  const monthsFree = Math.round(12 - plans[0]!.prices!.year / plans[0]!.prices!.month);
  return (
    <div>
      <BillingIntervalSwitch
        value={interval}
        onChange={setInterval}
        yearlyLabel={`Yearly (${monthsFree} months free)`}
        large
      />
      <ul className="mt-10 grid gap-5 md:grid-cols-2 lg:grid-cols-4">
        {plans.map((plan) => {
          const price = plan.prices![interval];
          const highlighted = plan.id === highlightPlanId;
          return (
            <li
              key={plan.id}
              className={`relative flex flex-col rounded-2xl border bg-white p-6 shadow-sm ${
                highlighted ? 'border-brand-500 ring-2 ring-brand-100' : 'border-slate-200'
              }`}
            >
              {highlighted ? (
                <p className="absolute -top-3 left-6 rounded-full bg-brand-600 px-2.5 py-0.5 text-xs font-semibold text-white">
                  Recommended for teams
                </p>
              ) : null}
              <h2 className="text-lg font-semibold">{plan.name}</h2>
              <p className="mt-2 text-sm text-slate-600">{plan.summary}</p>
              <p className="mt-5">
                <span className="text-4xl font-bold tracking-tight">{formatEuros(price)}</span>
                <span className="text-sm text-slate-600"> / {interval === 'month' ? 'month' : 'year'}</span>
              </p>
              <p className="mt-1 text-xs text-slate-600">
                {interval === 'year' ? `${formatEuros(Math.round(price / 12))} a month, billed yearly. ` : ''}Excluding
                VAT.
              </p>
              <ul className="mt-5 flex-1 space-y-2 text-sm text-slate-700">
                {planLines(plan).map((line) => (
                  <li key={line} className="flex gap-2">
                    <span aria-hidden="true" className="text-brand-600">
                      ✓
                    </span>
                    {line}
                  </li>
                ))}
              </ul>
              <Link
                href={`/sign-up?plan=${plan.id}&interval=${interval}`}
                className={`mt-6 rounded-lg px-4 py-2.5 text-center text-sm font-semibold shadow-sm ${
                  highlighted
                    ? 'bg-brand-600 text-white hover:bg-brand-700'
                    : 'border border-slate-300 text-slate-800 hover:bg-slate-50'
                }`}
              >
                Start free trial<span className="sr-only"> ({plan.name})</span>
              </Link>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
