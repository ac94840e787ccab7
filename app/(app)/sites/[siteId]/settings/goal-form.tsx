'use client';

import { useActionState } from 'react';

import { FormError } from '@/components/ui/form-error';
import { inputClass, secondaryButtonClass } from '@/components/ui/styles';

import { addGoalAction, type FormState } from './actions';

const FIELDS = {
  EVENT: { name: 'eventName', label: 'Custom event name', placeholder: 'Signup', button: 'Add event goal' },
  PAGEVIEW: {
    name: 'pathPattern',
    label: 'Page path (* within a segment, ** across segments)',
    placeholder: '/thank-you or /blog/**',
    button: 'Add pageview goal',
  },
} as const;

/** One small form per kind of goal (a custom event, or a pageview of matching paths). */
export function GoalForm({ siteId, kind }: { siteId: string; kind: keyof typeof FIELDS }) {
  const [state, action, pending] = useActionState<FormState, FormData>(addGoalAction.bind(null, siteId), {});
  const field = FIELDS[kind];
  const fieldError = state.fieldErrors?.[field.name];
  const id = `goal-${kind.toLowerCase()}`;
  return (
    <form action={action} className="space-y-2" noValidate>
      <input type="hidden" name="kind" value={kind} />
      <label htmlFor={id} className="block text-sm font-medium text-slate-700">
        {field.label}
      </label>
      <div className="flex flex-wrap items-start gap-2">
        <input
          id={id}
          name={field.name}
          required
          placeholder={field.placeholder}
          className={`${inputClass} mt-0 max-w-xs`}
          aria-invalid={Boolean(fieldError)}
          aria-describedby={fieldError ? `${id}-error` : undefined}
        />
        <button type="submit" disabled={pending} className={secondaryButtonClass}>
          {field.button}
        </button>
      </div>
      {fieldError ? (
        <p id={`${id}-error`} className="text-sm text-red-700">
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
