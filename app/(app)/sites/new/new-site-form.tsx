'use client';

import { useActionState, useCallback } from 'react';

import { FormError } from '@/components/ui/form-error';
import { inputClass, primaryButtonClass } from '@/components/ui/styles';

import { createSiteAction, type NewSiteState } from './actions';

export function NewSiteForm({ teams, timeZones }: { teams: { id: string; name: string }[]; timeZones: string[] }) {
  const [state, action, pending] = useActionState<NewSiteState, FormData>(createSiteAction, {});
  // Preselect the browser's own zone once, on the client (the server cannot know it).
  const preselectLocalZone = useCallback(
    (select: HTMLSelectElement | null) => {
      const local = Intl.DateTimeFormat().resolvedOptions().timeZone;
      if (select && !state.values && timeZones.includes(local)) select.value = local;
    },
    [state.values, timeZones],
  );

  const errors = state.fieldErrors ?? {};
  return (
    <form action={action} className="space-y-5" noValidate>
      {teams.length > 1 ? (
        <div>
          <label htmlFor="teamId" className="block text-sm font-medium text-slate-700">
            Team
          </label>
          <select id="teamId" name="teamId" defaultValue={state.values?.teamId ?? teams[0]!.id} className={inputClass}>
            {teams.map((team) => (
              <option key={team.id} value={team.id}>
                {team.name}
              </option>
            ))}
          </select>
        </div>
      ) : (
        <input type="hidden" name="teamId" value={teams[0]!.id} />
      )}
      <div>
        <label htmlFor="domain" className="block text-sm font-medium text-slate-700">
          Domain
        </label>
        <input
          id="domain"
          name="domain"
          required
          placeholder="example.com"
          defaultValue={state.values?.domain}
          aria-invalid={Boolean(errors.domain)}
          aria-describedby="domain-help"
          className={inputClass}
        />
        <p id="domain-help" className={`mt-1 text-sm ${errors.domain ? 'text-red-700' : 'text-slate-600'}`}>
          {errors.domain ?? 'Without https:// or www. Subdomains are counted with their parent domain.'}
        </p>
      </div>
      <div>
        <label htmlFor="timezone" className="block text-sm font-medium text-slate-700">
          Time zone for reports
        </label>
        <select
          id="timezone"
          name="timezone"
          ref={preselectLocalZone}
          defaultValue={state.values?.timezone ?? 'UTC'}
          aria-describedby={errors.timezone ? 'timezone-error' : undefined}
          className={inputClass}
        >
          {timeZones.map((zone) => (
            <option key={zone}>{zone}</option>
          ))}
        </select>
        {errors.timezone ? (
          <p id="timezone-error" className="mt-1 text-sm text-red-700">
            {errors.timezone}
          </p>
        ) : null}
      </div>
      <FormError message={state.error} />
      <button type="submit" disabled={pending} className={`${primaryButtonClass} px-5 py-2.5`}>
        {pending ? 'Adding…' : 'Add site'}
      </button>
    </form>
  );
}
