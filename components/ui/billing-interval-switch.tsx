'use client';
// The monthly/yearly switch above the plan cards, shared by the pricing page and the billing page.

import type { BillingInterval } from '@/lib/billing/plans';

export function BillingIntervalSwitch({
  value,
  onChange,
  yearlyLabel = 'Yearly',
  large = false,
}: {
  value: BillingInterval;
  onChange: (interval: BillingInterval) => void;
  yearlyLabel?: string;
  /** The marketing page's centred, taller variant. */
  large?: boolean;
}) {
  const options: [BillingInterval, string][] = [
    ['month', 'Monthly'],
    ['year', yearlyLabel],
  ];
  return (
    <fieldset
      className={`flex w-fit rounded-full border border-slate-300 bg-white p-1 text-sm font-semibold ${large ? 'mx-auto shadow-sm' : ''}`}
    >
      <legend className="sr-only">Billing interval</legend>
      {options.map(([option, label]) => (
        <label
          key={option}
          className={`cursor-pointer rounded-full px-4 has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-brand-500 ${
            large ? 'py-2' : 'py-1.5'
          } ${value === option ? 'bg-brand-600 text-white' : 'text-slate-700 hover:bg-slate-100'}`}
        >
          <input
            type="radio"
            name="billing-interval"
            value={option}
            checked={value === option}
            onChange={() => onChange(option)}
            className="sr-only"
          />
          {label}
        </label>
      ))}
    </fieldset>
  );
}
