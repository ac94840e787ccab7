'use client';
// The one deletion form of the signed-in app (account, team): type the name, give the password or a passkey.
// Both deletions are irreversible, so both ask for the same two proofs in the same shape.

import { useActionState } from 'react';

import { Field } from '@/components/ui/field';
import { FormError } from '@/components/ui/form-error';
import { PasskeyConfirmButton } from '@/components/ui/passkey-confirm-button';
import type { ActionState } from '@/lib/auth/action-result';

import { passkeyReauthOptionsAction } from './passkey-reauth';

export function ConfirmDeletionForm({
  action,
  idPrefix,
  confirmation,
  passwordLabel,
  submitLabel,
  hasPasskeys,
}: {
  action: (state: ActionState, form: FormData) => Promise<ActionState>;
  /** Keeps the fields' ids unique on the page. */
  idPrefix: string;
  /** What must be typed to confirm (an email address, a team's name). */
  confirmation: string;
  passwordLabel: string;
  submitLabel: string;
  hasPasskeys: boolean;
}) {
  const [state, formAction, pending] = useActionState<ActionState, FormData>(action, {});
  return (
    <form action={formAction} className="mt-4 max-w-md space-y-4" noValidate>
      <Field
        name="confirmation"
        id={`${idPrefix}-confirmation`}
        label={`Type ${confirmation} to confirm`}
        autoComplete="off"
        spellCheck={false}
        required
        defaultValue={state.values?.confirmation}
        error={state.fieldErrors?.confirmation}
      />
      <Field
        name="password"
        id={`${idPrefix}-password`}
        label={passwordLabel}
        type="password"
        autoComplete="current-password"
        required
      />
      <FormError message={state.error} />
      <div className="flex flex-wrap items-start gap-3">
        <button
          type="submit"
          disabled={pending}
          className="rounded-lg bg-red-700 px-4 py-2 text-sm font-semibold text-white shadow-sm hover:bg-red-800 disabled:opacity-60"
        >
          {pending ? 'Deleting…' : submitLabel}
        </button>
        {hasPasskeys ? (
          <PasskeyConfirmButton getOptions={passkeyReauthOptionsAction} label="Delete with a passkey instead" />
        ) : null}
      </div>
    </form>
  );
}
