'use client';

import Link from 'next/link';
import { useActionState } from 'react';

import { Field } from '@/components/ui/field';
import { FormError } from '@/components/ui/form-error';
import { linkClass, primaryButtonClass } from '@/components/ui/styles';
import type { ActionState } from '@/lib/auth/action-result';

import { requestResetAction, resetPasswordAction } from './actions';

export function RequestResetForm() {
  const [state, action, pending] = useActionState<ActionState, FormData>(requestResetAction, {});
  if (state.ok) {
    return (
      <p role="status" className="mt-5 text-sm text-slate-700">
        If that address has a Glance account, we have sent it a link to choose a new password. The link works once, for
        one hour.
      </p>
    );
  }
  return (
    <form action={action} className="mt-5 space-y-4" noValidate>
      <p className="text-sm text-slate-700">Enter your account’s email address and we will send you a reset link.</p>
      <Field
        name="email"
        label="Email"
        type="email"
        autoComplete="email"
        required
        defaultValue={state.values?.email}
        error={state.fieldErrors?.email}
      />
      <FormError message={state.fieldErrors?.email ? null : state.error} />
      <button type="submit" disabled={pending} className={`${primaryButtonClass} w-full py-2.5`}>
        {pending ? 'Sending…' : 'Send reset link'}
      </button>
      <p className="text-sm">
        <Link href="/sign-in" className={linkClass}>
          Back to sign-in
        </Link>
      </p>
    </form>
  );
}

export function SetPasswordForm({ token }: { token: string }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(resetPasswordAction, {});
  if (state.ok) {
    return (
      <div role="status" className="mt-5 space-y-3 text-slate-700">
        <p className="font-medium">Your password has been changed.</p>
        <p className="text-sm">Every browser that was signed in has been signed out.</p>
        <Link href="/sign-in" className={linkClass}>
          Sign in with your new password
        </Link>
      </div>
    );
  }
  return (
    <form action={action} className="mt-5 space-y-4" noValidate>
      <input type="hidden" name="token" value={token} />
      <Field
        name="password"
        label="New password"
        type="password"
        autoComplete="new-password"
        required
        help="At least 12 characters. A few unrelated words make a strong, memorable password."
        error={state.fieldErrors?.password}
      />
      <FormError message={state.error} />
      <button type="submit" disabled={pending} className={`${primaryButtonClass} w-full py-2.5`}>
        {pending ? 'Saving…' : 'Set new password'}
      </button>
    </form>
  );
}
