'use client';

import { useActionState } from 'react';

import { Field } from '@/components/ui/field';
import { FormError } from '@/components/ui/form-error';
import { secondaryButtonClass } from '@/components/ui/styles';

import { createSharedLinkAction, type FormState } from './actions';

/** Creates a shared link: a name, an optional password, and whether other sites may embed it. */
export function SharedLinkForm({ siteId }: { siteId: string }) {
  const [state, action, pending] = useActionState<FormState, FormData>(createSharedLinkAction.bind(null, siteId), {});
  const embedError = state.fieldErrors?.allowEmbed;
  return (
    <form action={action} className="grid gap-4 md:grid-cols-2" noValidate>
      <Field
        name="name"
        id="shared-link-name"
        label="Name"
        placeholder="Investors"
        required
        maxLength={80}
        defaultValue={state.values?.name}
        help="Only you and your team see it."
        error={state.fieldErrors?.name}
      />
      <Field
        name="password"
        id="shared-link-password"
        type="password"
        label="Password (optional)"
        autoComplete="new-password"
        help="At least 8 characters. Leave empty for a link anyone with the address can open."
        error={state.fieldErrors?.password}
      />
      <div className="md:col-span-2">
        <label className="flex items-start gap-2 text-sm text-slate-700">
          <input
            type="checkbox"
            name="allowEmbed"
            defaultChecked={state.values?.allowEmbed === 'on'}
            className="mt-0.5 size-4"
            aria-describedby="shared-link-embed-help"
            aria-invalid={embedError ? true : undefined}
          />
          <span>Allow other websites to embed this dashboard in an iframe</span>
        </label>
        <p id="shared-link-embed-help" className={`mt-1 text-sm ${embedError ? 'text-red-700' : 'text-slate-600'}`}>
          {embedError ?? 'Only for links without a password.'}
        </p>
      </div>
      <div className="space-y-2 md:col-span-2">
        <button type="submit" disabled={pending} className={secondaryButtonClass}>
          Create shared link
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
