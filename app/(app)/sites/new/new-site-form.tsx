'use client';

import { useActionState, useCallback } from 'react';

import { createSiteAction, type NewSiteState } from './actions';

const field =
  'mt-1 block w-full rounded-lg border border-slate-300 px-3 py-2 focus:border-brand-500 focus:ring-2 focus:ring-brand-100 focus:outline-none';

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
          <select id="teamId" name="teamId" defaultValue={state.values?.teamId ?? teams[0]!.id} className={field}>
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
          className={field}
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
          className={field}
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
      {state.error ? (
        <p role="alert" className="rounded-lg bg-red-50 px-3 py-2 text-sm text-red-800">
          {state.error}
        </p>
      ) : null}
      <button
        type="submit"
        disabled={pending}
        className="rounded-lg bg-brand-600 px-5 py-2.5 font-semibold text-white hover:bg-brand-700 disabled:opacity-60"
      >
        {pending ? 'Adding…' : 'Add site'}
      </button>
    </form>
  );
}
