'use client';

import { useActionState } from 'react';

import { Field } from '@/components/ui/field';
import { FormError } from '@/components/ui/form-error';
import type { ActionState } from '@/lib/auth/action-result';

import { deleteAccountAction } from './delete-account-actions';

export function DeleteAccountForm({ email }: { email: string }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(deleteAccountAction, {});
  return (
    <form action={action} className="mt-4 max-w-md space-y-4" noValidate>
      <Field
        name="confirmation"
        id="delete-account-confirmation"
        label={`Type ${email} to confirm`}
        autoComplete="off"
        spellCheck={false}
        required
        defaultValue={state.values?.confirmation}
        error={state.fieldErrors?.confirmation}
      />
      <Field
        name="password"
        id="delete-account-password"
        label="Current password"
        type="password"
        autoComplete="current-password"
        required
      />
      <FormError message={state.error} />
      <button
        type="submit"
        disabled={pending}
        className="rounded-lg bg-red-700 px-4 py-2 text-sm font-semibold text-white shadow-sm hover:bg-red-800 disabled:opacity-60"
      >
        {pending ? 'Deleting…' : 'Delete my account'}
      </button>
    </form>
  );
}
