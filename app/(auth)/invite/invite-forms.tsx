'use client';

import { useActionState } from 'react';

import { Field } from '@/components/ui/field';
import { FormError } from '@/components/ui/form-error';
import { primaryButtonClass } from '@/components/ui/styles';
import type { ActionState } from '@/lib/auth/action-result';

import { acceptInvitationAction, acceptWithNewAccountAction } from './actions';

export function AcceptForm({ token }: { token: string }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(acceptInvitationAction, {});
  return (
    <form action={action} className="mt-5 space-y-4">
      <input type="hidden" name="token" value={token} />
      <FormError message={state.error} />
      <button type="submit" disabled={pending} className={`${primaryButtonClass} w-full py-2.5`}>
        {pending ? 'Joining…' : 'Accept and join the team'}
      </button>
    </form>
  );
}

export function NewAccountForm({ token, email }: { token: string; email: string }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(acceptWithNewAccountAction, {});
  const errors = state.fieldErrors ?? {};
  return (
    <form action={action} className="mt-5 space-y-4" noValidate>
      <input type="hidden" name="token" value={token} />
      {/* For password managers: the account's user name. */}
      <input type="hidden" name="username" autoComplete="username" value={email} />
      <Field
        name="name"
        label="Your name (optional)"
        autoComplete="name"
        defaultValue={state.values?.name}
        error={errors.name}
      />
      <Field
        name="password"
        label="Choose a password"
        type="password"
        autoComplete="new-password"
        required
        help="At least 12 characters, not a common password."
        error={errors.password}
      />
      <FormError message={state.error} />
      <button type="submit" disabled={pending} className={`${primaryButtonClass} w-full py-2.5`}>
        {pending ? 'Creating…' : 'Create account and join'}
      </button>
    </form>
  );
}
