'use client';

import { useActionState } from 'react';

import { FormError } from '@/components/ui/form-error';
import { inputClass, labelClass, secondaryButtonClass } from '@/components/ui/styles';
import type { SiteSettings } from '@/lib/sites/site-settings';

import { updateSiteSettingsAction, type FormState } from './actions';

function ListField({
  name,
  label,
  help,
  defaultValue,
  error,
}: {
  name: string;
  label: string;
  help: string;
  defaultValue: string;
  error?: string;
}) {
  return (
    <div>
      <label htmlFor={`settings-${name}`} className={labelClass}>
        {label}
      </label>
      <textarea
        id={`settings-${name}`}
        name={name}
        rows={4}
        defaultValue={defaultValue}
        spellCheck={false}
        aria-invalid={error ? true : undefined}
        aria-describedby={`settings-${name}-help`}
        className={`${inputClass} font-mono text-sm`}
      />
      <p id={`settings-${name}-help`} className={`mt-1 text-sm ${error ? 'text-red-700' : 'text-slate-600'}`}>
        {error ?? help}
      </p>
    </div>
  );
}

/** What ingest collects for the site: excluded paths, kept query parameters, DNT, city-level location. */
export function CollectionSettingsForm({ siteId, settings }: { siteId: string; settings: SiteSettings }) {
  const [state, action, pending] = useActionState<FormState, FormData>(updateSiteSettingsAction.bind(null, siteId), {});
  // After an error, what the user typed; else what is saved.
  const typed = state.values;
  const checked = (name: 'respectDoNotTrack' | 'collectCityLevel') => (typed ? typed[name] === 'on' : settings[name]);
  return (
    <form action={action} className="mt-4 grid gap-5 md:grid-cols-2" noValidate>
      <ListField
        name="excludedPaths"
        label="Excluded paths"
        help="One pattern per line; hits on matching pages are not recorded. * matches within a segment, ** across segments, e.g. /admin/**."
        defaultValue={typed?.excludedPaths ?? settings.excludedPaths.join('\n')}
        error={state.fieldErrors?.excludedPaths}
      />
      <ListField
        name="allowedQueryParams"
        label="Query parameters to keep"
        help="One name per line, e.g. q or page. Every other query parameter is removed from page paths before storing."
        defaultValue={typed?.allowedQueryParams ?? settings.allowedQueryParams.join('\n')}
        error={state.fieldErrors?.allowedQueryParams}
      />
      <fieldset className="space-y-3 md:col-span-2">
        <legend className="sr-only">Privacy switches</legend>
        <label className="flex items-start gap-2 text-sm text-slate-700">
          <input
            type="checkbox"
            name="respectDoNotTrack"
            defaultChecked={checked('respectDoNotTrack')}
            className="mt-0.5 size-4"
          />
          <span>
            <span className="font-medium">Respect Do Not Track and Global Privacy Control</span>
            <span className="block text-slate-600">Hits from browsers that send DNT: 1 or Sec-GPC: 1 are dropped.</span>
          </span>
        </label>
        <label className="flex items-start gap-2 text-sm text-slate-700">
          <input
            type="checkbox"
            name="collectCityLevel"
            defaultChecked={checked('collectCityLevel')}
            className="mt-0.5 size-4"
          />
          <span>
            <span className="font-medium">Record region and city</span>
            <span className="block text-slate-600">
              Off: only the country is stored. The IP address is never stored either way.
            </span>
          </span>
        </label>
      </fieldset>
      <div className="space-y-2 md:col-span-2">
        <button type="submit" disabled={pending} className={secondaryButtonClass}>
          Save collection settings
        </button>
        {state.fieldErrors && Object.keys(state.fieldErrors).length ? null : <FormError message={state.error} />}
        {state.done ? (
          <p role="status" className="text-sm text-emerald-800">
            {state.done}
          </p>
        ) : null}
      </div>
    </form>
  );
}
