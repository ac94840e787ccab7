'use client';

// A form posting to a server action that answers ActionState, showing its error or confirmation
// next to the controls. Server components pass the fields as children and the action bound to its ids.
import { useActionState } from 'react';

import type { ActionState } from '@/lib/auth/action-result';

import { FormError } from './form-error';
import { FormSuccess } from './form-success';

export function ActionForm({
  action,
  children,
  className,
}: {
  action: (state: ActionState, form: FormData) => Promise<ActionState>;
  children: React.ReactNode;
  className?: string;
}) {
  const [state, formAction, pending] = useActionState<ActionState, FormData>(action, {});
  return (
    <form action={formAction} className={className} aria-busy={pending} noValidate>
      {children}
      {state.error || state.message ? (
        <div className="basis-full">
          <FormError message={state.error} />
          <FormSuccess message={state.message} />
        </div>
      ) : null}
    </form>
  );
}
