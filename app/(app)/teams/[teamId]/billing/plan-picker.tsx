'use client';

import { useActionState, useState } from 'react';

import { BillingIntervalSwitch } from '@/components/ui/billing-interval-switch';
import { FormError } from '@/components/ui/form-error';
import { primaryButtonClass, secondaryButtonClass } from '@/components/ui/styles';
import type { ActionState } from '@/lib/auth/action-result';
import { formatEuros } from '@/lib/billing/euros';
import type { BillingInterval, Plan } from '@/lib/billing/plans';

import { startCheckoutAction } from './actions';

/** The paid plans with a monthly/yearly switch; each "Upgrade" button starts a Stripe Checkout. */
export function PlanPicker({
  teamId,
  plans,
  suggestedPlanId,
}: {
  teamId: string;
  plans: Plan[];
  suggestedPlanId: string;
}) {
  const [interval, setInterval] = useState<BillingInterval>('month');
  const [state, action, pending] = useActionState<ActionState, FormData>(startCheckoutAction.bind(null, teamId), {});
  return (
    <div>
      <BillingIntervalSwitch value={interval} onChange={setInterval} />
      <div className="mt-3">
        <FormError message={state.error} />
      </div>
      <ul className="mt-3 grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        {plans.map((plan) => {
          const suggested = plan.id === suggestedPlanId;
          return (
            <li
              key={plan.id}
              className={`flex flex-col rounded-xl border p-4 ${suggested ? 'border-brand-500 ring-2 ring-brand-100' : 'border-slate-200'}`}
            >
              <h3 className="font-semibold">{plan.name}</h3>
              {suggested ? <p className="text-xs font-semibold text-brand-700">Fits this period’s pageviews</p> : null}
              <p className="mt-1 text-sm text-slate-600">
                {plan.monthlyPageviews.toLocaleString('en')} pageviews a month · {plan.limits.sites} sites
              </p>
              <p className="mt-3 text-2xl font-bold tracking-tight">
                {formatEuros(plan.prices![interval])}
                <span className="text-sm font-normal text-slate-600"> / {interval === 'month' ? 'month' : 'year'}</span>
              </p>
              <p className="text-xs text-slate-600">Excluding VAT.</p>
              <form action={action} className="mt-4 flex flex-1 items-end">
                <input type="hidden" name="plan" value={plan.id} />
                <input type="hidden" name="interval" value={interval} />
                <button
                  type="submit"
                  disabled={pending}
                  className={`w-full ${suggested ? primaryButtonClass : secondaryButtonClass}`}
                >
                  Upgrade to {plan.name}
                </button>
              </form>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
