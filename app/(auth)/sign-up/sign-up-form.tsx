'use client';

import { useActionState } from 'react';

import { Field } from '@/components/ui/field';
import { FormError } from '@/components/ui/form-error';
import { primaryButtonClass } from '@/components/ui/styles';
import type { ActionState } from '@/lib/auth/action-result';

import { signUpAction } from './actions';

export function SignUpForm() {
  const [state, action, pending] = useActionState<ActionState, FormData>(signUpAction, {});
  if (state.ok) {
    return (
      <div role="status" className="mt-5 space-y-3 text-slate-700">
        <p className="font-medium">Check your inbox.</p>
        <p className="text-sm">
          We have sent a link to confirm your email address. Open it to finish creating your account; it works for 24
          hours.
        </p>
      </div>
    );
  }
  const errors = state.fieldErrors ?? {};
  return (
    <form action={action} className="mt-5 space-y-4" noValidate>
      <Field
        name="name"
        label="Name (optional)"
        autoComplete="name"
        maxLength={100}
        defaultValue={state.values?.name}
        error={errors.name}
      />
      <Field
        name="email"
        label="Email"
        type="email"
        autoComplete="email"
        required
        defaultValue={state.values?.email}
        error={errors.email}
      />
      <Field
        name="password"
        label="Password"
        type="password"
        autoComplete="new-password"
        required
        help="At least 12 characters. A few unrelated words make a strong, memorable password."
        error={errors.password}
      />
      <FormError message={state.error} />
      <button type="submit" disabled={pending} className={`${primaryButtonClass} w-full py-2.5`}>
        {pending ? 'Creating your account…' : 'Create account'}
      </button>
    </form>
  );
}
