'use client';

import { useActionState } from 'react';

import { Field } from '@/components/ui/field';
import { FormError } from '@/components/ui/form-error';
import { PasskeyConfirmButton } from '@/components/ui/passkey-confirm-button';
import type { ActionState } from '@/lib/auth/action-result';

import { passkeyReauthOptionsAction } from '@/app/(app)/passkey-reauth';

export function DeleteTeamForm({
  action,
  teamName,
  hasPasskeys,
}: {
  action: (state: ActionState, form: FormData) => Promise<ActionState>;
  teamName: string;
  hasPasskeys: boolean;
}) {
  const [state, formAction, pending] = useActionState<ActionState, FormData>(action, {});
  return (
    <form action={formAction} className="mt-4 max-w-md space-y-3" noValidate>
      <Field
        name="confirmation"
        id="delete-confirmation"
        label={`Type ${teamName} to confirm`}
        autoComplete="off"
        spellCheck={false}
        required
        defaultValue={state.values?.confirmation}
        error={state.fieldErrors?.confirmation}
      />
      <Field
        name="password"
        id="delete-password"
        label="Your password"
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
          {pending ? 'Deleting…' : 'Delete this team and all its data'}
        </button>
        {hasPasskeys ? (
          <PasskeyConfirmButton getOptions={passkeyReauthOptionsAction} label="Delete with a passkey instead" />
        ) : null}
      </div>
    </form>
  );
}
