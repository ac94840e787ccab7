'use client';

import { useActionState } from 'react';

import { Field } from '@/components/ui/field';
import { FormError } from '@/components/ui/form-error';
import { FormSuccess } from '@/components/ui/form-success';
import { primaryButtonClass } from '@/components/ui/styles';
import type { ActionState } from '@/lib/auth/action-result';

import { changeEmailAction, changePasswordAction } from './actions';

export function ChangePasswordForm() {
  const [state, action, pending] = useActionState<ActionState, FormData>(changePasswordAction, {});
  const errors = state.fieldErrors ?? {};
  return (
    <form action={action} className="mt-4 max-w-md space-y-4" noValidate>
      <Field
        name="currentPassword"
        label="Current password"
        type="password"
        autoComplete="current-password"
        required
        error={errors.currentPassword}
      />
      <Field
        name="newPassword"
        label="New password"
        type="password"
        autoComplete="new-password"
        required
        help="At least 12 characters, not a common password."
        error={errors.newPassword}
      />
      <FormError message={state.error} />
      <FormSuccess message={state.message} />
      <button type="submit" disabled={pending} className={primaryButtonClass}>
        {pending ? 'Changing…' : 'Change password'}
      </button>
    </form>
  );
}

export function ChangeEmailForm({ email }: { email: string }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(changeEmailAction, {});
  const errors = state.fieldErrors ?? {};
  return (
    <form action={action} className="mt-4 max-w-md space-y-4" noValidate>
      <p className="text-sm text-slate-600">
        Currently <span className="font-medium text-slate-900">{email}</span>.
      </p>
      <Field
        name="newEmail"
        label="New email address"
        type="email"
        autoComplete="email"
        required
        defaultValue={state.ok ? undefined : state.values?.newEmail}
        error={errors.newEmail}
      />
      <Field
        name="currentPassword"
        label="Current password"
        id="emailCurrentPassword"
        type="password"
        autoComplete="current-password"
        required
      />
      <FormError message={state.error} />
      <FormSuccess message={state.message} />
      <button type="submit" disabled={pending} className={primaryButtonClass}>
        {pending ? 'Sending…' : 'Change email'}
      </button>
    </form>
  );
}
