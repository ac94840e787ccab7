'use client';
// The shell of the site settings' forms: the action's state, and below the fields one submit button, the
// form-level error (left out when a field already shows it) and the confirmation.
import { useActionState, type ReactNode } from 'react';

import { FormError } from '@/components/ui/form-error';
import { secondaryButtonClass } from '@/components/ui/styles';

import type { FormState } from './actions';

export function SettingsForm({
  action,
  submitLabel,
  className = 'grid gap-4 md:grid-cols-2',
  children,
}: {
  action: (state: FormState, form: FormData) => Promise<FormState>;
  submitLabel: string;
  className?: string;
  /** The fields, given the last answer (typed values and field errors to show again). */
  children: (state: FormState) => ReactNode;
}) {
  const [state, formAction, pending] = useActionState<FormState, FormData>(action, {});
  return (
    <form action={formAction} className={className} noValidate>
      {children(state)}
      <div className="space-y-2 md:col-span-2">
        <button type="submit" disabled={pending} className={secondaryButtonClass}>
          {submitLabel}
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
