'use client';

import { useActionState } from 'react';

import { FormError } from '@/components/ui/form-error';
import { inputClass, labelClass, panelClass, primaryButtonClass } from '@/components/ui/styles';
import type { ActionState } from '@/lib/auth/action-result';

import { unlockSharedLinkAction } from './actions';

/** The password prompt of a protected shared link. */
export function UnlockForm({ slug }: { slug: string }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(unlockSharedLinkAction.bind(null, slug), {});
  return (
    <div className={`mx-auto mt-10 max-w-sm ${panelClass}`}>
      <h1 className="text-xl font-bold tracking-tight">This dashboard is password-protected</h1>
      <p className="mt-2 text-sm text-slate-600">Enter the password you were given with the link.</p>
      <form action={action} className="mt-5 space-y-4">
        <div>
          <label htmlFor="share-password" className={labelClass}>
            Password
          </label>
          <input
            id="share-password"
            name="password"
            type="password"
            required
            autoComplete="current-password"
            autoFocus
            className={inputClass}
            aria-invalid={Boolean(state.error)}
          />
        </div>
        <FormError message={state.error} />
        <button type="submit" disabled={pending} className={`${primaryButtonClass} w-full`}>
          {pending ? 'Checking…' : 'Show the dashboard'}
        </button>
      </form>
    </div>
  );
}
