'use client';

import { useActionState } from 'react';

import { Field } from '@/components/ui/field';
import { FormError } from '@/components/ui/form-error';
import { inputClass, labelClass, secondaryButtonClass } from '@/components/ui/styles';

import { createFunnelAction, type FormState } from './actions';

/** A new funnel: a name and its steps, one per line (a path for a page, else a custom event name). */
export function FunnelForm({ siteId }: { siteId: string }) {
  const [state, action, pending] = useActionState<FormState, FormData>(createFunnelAction.bind(null, siteId), {});
  const stepsError = state.fieldErrors?.steps;
  return (
    <form action={action} className="grid gap-4 md:grid-cols-2" noValidate>
      <Field
        name="name"
        id="funnel-name"
        label="Funnel name"
        placeholder="Signup"
        required
        maxLength={80}
        defaultValue={state.values?.name}
        error={state.fieldErrors?.name}
      />
      <div>
        <label htmlFor="funnel-steps" className={labelClass}>
          Steps, in order
        </label>
        <textarea
          id="funnel-steps"
          name="steps"
          rows={4}
          required
          spellCheck={false}
          defaultValue={state.values?.steps}
          placeholder={'/pricing\n/signup\nSignup'}
          aria-invalid={stepsError ? true : undefined}
          aria-describedby="funnel-steps-help"
          className={`${inputClass} font-mono text-sm`}
        />
        <p id="funnel-steps-help" className={`mt-1 text-sm ${stepsError ? 'text-red-700' : 'text-slate-600'}`}>
          {stepsError ??
            'One step per line, 2 to 8: a page path (starts with /, * and ** allowed) or a custom event name.'}
        </p>
      </div>
      <div className="space-y-2 md:col-span-2">
        <button type="submit" disabled={pending} className={secondaryButtonClass}>
          Add funnel
        </button>
        {state.fieldErrors && Object.keys(state.fieldErrors).length ? null : <FormError message={state.error} />}
        {state.done ? (
          <p role="status" className="text-sm text-emerald-800">
            {state.done}
          </p>
        ) : null}
      </div>
    </form>
  );
}
