'use client';

import { useActionState } from 'react';

import { Field } from '@/components/ui/field';
import { FormError } from '@/components/ui/form-error';
import { primaryButtonClass } from '@/components/ui/styles';
import type { ActionState } from '@/lib/auth/action-result';

import { createTeamAction } from '../../team-actions';

export function NewTeamForm() {
  const [state, action, pending] = useActionState<ActionState, FormData>(createTeamAction, {});
  return (
    <form action={action} className="space-y-5" noValidate>
      <Field
        name="name"
        label="Team name"
        required
        maxLength={80}
        autoComplete="organization"
        defaultValue={state.values?.name}
        error={state.fieldErrors?.name}
      />
      <FormError message={state.error} />
      <button type="submit" disabled={pending} className={`${primaryButtonClass} px-5 py-2.5`}>
        {pending ? 'Creating…' : 'Create team'}
      </button>
    </form>
  );
}
