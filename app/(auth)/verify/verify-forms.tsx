'use client';

import Link from 'next/link';
import { useActionState } from 'react';

import { Field } from '@/components/ui/field';
import { FormError } from '@/components/ui/form-error';
import { linkClass, primaryButtonClass } from '@/components/ui/styles';
import type { ActionState } from '@/lib/auth/action-result';

import { confirmEmailAction, resendVerificationAction } from './actions';

export function ConfirmEmailForm({ token, kind }: { token: string; kind: 'verify' | 'change' }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(confirmEmailAction, {});
  if (state.ok) {
    return (
      <div role="status" className="mt-5 space-y-3 text-slate-700">
        <p className="font-medium">
          {kind === 'change' ? 'Your new email address is confirmed.' : 'Your email address is confirmed.'}
        </p>
        <Link href={kind === 'change' ? '/settings/security' : '/sign-in'} className={linkClass}>
          {kind === 'change' ? 'Back to Glance' : 'Sign in to Glance'}
        </Link>
      </div>
    );
  }
  return (
    <form action={action} className="mt-5 space-y-4">
      <p className="text-sm text-slate-700">
        {kind === 'change'
          ? 'Confirm this address to make it the email of your Glance account.'
          : 'Confirm this address to start using your Glance account.'}
      </p>
      <input type="hidden" name="token" value={token} />
      <input type="hidden" name="kind" value={kind} />
      <FormError message={state.error} />
      <button type="submit" disabled={pending} className={`${primaryButtonClass} w-full py-2.5`}>
        {pending ? 'Confirming…' : kind === 'change' ? 'Confirm the new address' : 'Confirm my email'}
      </button>
    </form>
  );
}

export function ResendVerificationForm() {
  const [state, action, pending] = useActionState<ActionState, FormData>(resendVerificationAction, {});
  if (state.ok) {
    return (
      <p role="status" className="mt-5 text-sm text-slate-700">
        If that address has an account waiting for confirmation, a new link is on its way.
      </p>
    );
  }
  return (
    <form action={action} className="mt-5 space-y-4" noValidate>
      <p className="text-sm text-slate-700">Enter your email address and we will send you a new confirmation link.</p>
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
        {pending ? 'Sending…' : 'Send a new link'}
      </button>
    </form>
  );
}
