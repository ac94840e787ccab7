'use client';

import { useActionState } from 'react';

import { Field } from '@/components/ui/field';
import { FormError } from '@/components/ui/form-error';
import { FormSuccess } from '@/components/ui/form-success';
import { inputClass, labelClass, primaryButtonClass } from '@/components/ui/styles';
import type { ActionState } from '@/lib/auth/action-result';

export function InviteForm({ action }: { action: (state: ActionState, form: FormData) => Promise<ActionState> }) {
  const [state, formAction, pending] = useActionState<ActionState, FormData>(action, {});
  const errors = state.fieldErrors ?? {};
  return (
    <form action={formAction} className="mt-4 space-y-4" noValidate>
      <div className="grid gap-4 sm:grid-cols-[1fr_12rem]">
        <Field
          // A new key after each success empties the field for the next address.
          key={state.ok ? state.message : 'email'}
          name="email"
          label="Email address"
          type="email"
          autoComplete="off"
          required
          defaultValue={state.ok ? undefined : state.values?.email}
          error={errors.email}
        />
        <div>
          <label htmlFor="invite-role" className={labelClass}>
            Role
          </label>
          <select id="invite-role" name="role" defaultValue={state.values?.role ?? 'MEMBER'} className={inputClass}>
            <option value="MEMBER">Member</option>
            <option value="ADMIN">Admin</option>
          </select>
        </div>
      </div>
      <FormError message={state.error} />
      <FormSuccess message={state.message} />
      <button type="submit" disabled={pending} className={primaryButtonClass}>
        {pending ? 'Sending…' : 'Send invitation'}
      </button>
    </form>
  );
}
