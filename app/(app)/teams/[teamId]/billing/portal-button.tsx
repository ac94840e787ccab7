'use client';

import { useActionState } from 'react';

import { FormError } from '@/components/ui/form-error';
import { secondaryButtonClass } from '@/components/ui/styles';
import type { ActionState } from '@/lib/auth/action-result';

import { openPortalAction } from './actions';

export function PortalButton({ teamId }: { teamId: string }) {
  const [state, action, pending] = useActionState<ActionState>(openPortalAction.bind(null, teamId), {});
  return (
    <form action={action} className="space-y-2">
      <button type="submit" disabled={pending} className={secondaryButtonClass}>
        {pending ? 'Opening…' : 'Manage billing'}
      </button>
      <FormError message={state.error} />
    </form>
  );
}
