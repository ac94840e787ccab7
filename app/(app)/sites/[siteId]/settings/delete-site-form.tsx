'use client';

import { useActionState } from 'react';

import { FormError } from '@/components/ui/form-error';
import { inputClass } from '@/components/ui/styles';

import { deleteSiteAction, type FormState } from './actions';

export function DeleteSiteForm({ siteId, domain }: { siteId: string; domain: string }) {
  const [state, action, pending] = useActionState<FormState, FormData>(deleteSiteAction.bind(null, siteId), {});
  return (
    <form action={action} className="mt-4 space-y-3" noValidate>
      <label className="block text-sm font-medium text-slate-700">
        Type <strong className="font-mono">{domain}</strong> to confirm
        <input name="confirmation" required autoComplete="off" spellCheck={false} className={inputClass} />
      </label>
      <FormError message={state.fieldErrors?.confirmation ?? state.error} />
      <button
        type="submit"
        disabled={pending}
        className="rounded-lg bg-red-700 px-4 py-2 text-sm font-semibold text-white shadow-sm hover:bg-red-800 disabled:opacity-60"
      >
        Delete this site and all its data
      </button>
    </form>
  );
}
