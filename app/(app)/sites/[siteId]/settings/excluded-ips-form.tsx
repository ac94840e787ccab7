'use client';

import { useActionState } from 'react';

import { FormError } from '@/components/ui/form-error';
import { inputClass, secondaryButtonClass } from '@/components/ui/styles';

import type { FormState } from './actions';
import { changeExcludedIpsAction } from './excluded-ips-actions';

/** Add addresses (or this browser's), or empty the list; the list itself cannot be shown, only counted. */
export function ExcludedIpsForm({ siteId, count }: { siteId: string; count: number }) {
  const [state, action, pending] = useActionState<FormState, FormData>(changeExcludedIpsAction.bind(null, siteId), {});
  const fieldError = state.fieldErrors?.addresses;
  return (
    <form action={action} className="mt-4 space-y-2" noValidate>
      <p className="text-sm text-slate-700">
        {count === 0 ? 'No addresses are excluded.' : `${count} address${count === 1 ? ' is' : 'es are'} excluded.`}
      </p>
      <label htmlFor="excluded-ips" className="block text-sm font-medium text-slate-700">
        IP addresses to exclude (one per line)
      </label>
      <textarea
        id="excluded-ips"
        name="addresses"
        rows={3}
        placeholder={'203.0.113.7\n2001:db8::1'}
        className={`${inputClass} max-w-md font-mono text-sm`}
        aria-invalid={Boolean(fieldError)}
        aria-describedby={fieldError ? 'excluded-ips-error' : undefined}
      />
      <div className="flex flex-wrap gap-2">
        <button type="submit" name="intent" value="add" disabled={pending} className={secondaryButtonClass}>
          Exclude these addresses
        </button>
        <button type="submit" name="intent" value="mine" disabled={pending} className={secondaryButtonClass}>
          Exclude my current address
        </button>
        {count > 0 ? (
          <button type="submit" name="intent" value="clear" disabled={pending} className={secondaryButtonClass}>
            Clear the list
          </button>
        ) : null}
      </div>
      {fieldError ? (
        <p id="excluded-ips-error" className="text-sm text-red-700">
          {fieldError}
        </p>
      ) : (
        <FormError message={state.error} />
      )}
      {state.done ? (
        <p role="status" className="text-sm text-emerald-800">
          {state.done}
        </p>
      ) : null}
    </form>
  );
}
