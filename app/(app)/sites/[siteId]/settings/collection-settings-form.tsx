'use client';

import { LinesField } from '@/components/ui/field';
import type { SiteSettings } from '@/lib/sites/site-settings';

import { updateSiteSettingsAction, type FormState } from './actions';
import { SettingsForm } from './settings-form';

/** What ingest collects for the site: excluded paths, kept query parameters, DNT, city-level location. */
export function CollectionSettingsForm({ siteId, settings }: { siteId: string; settings: SiteSettings }) {
  return (
    <SettingsForm
      action={updateSiteSettingsAction.bind(null, siteId)}
      submitLabel="Save collection settings"
      className="mt-4 grid gap-5 md:grid-cols-2"
    >
      {(state) => <CollectionFields settings={settings} state={state} />}
    </SettingsForm>
  );
}

function CollectionFields({ settings, state }: { settings: SiteSettings; state: FormState }) {
  // After an error, what the user typed; else what is saved.
  const typed = state.values;
  const checked = (name: 'respectDoNotTrack' | 'collectCityLevel') => (typed ? typed[name] === 'on' : settings[name]);
  return (
    <>
      <LinesField
        name="excludedPaths"
        id="settings-excludedPaths"
        label="Excluded paths"
        help="One pattern per line; hits on matching pages are not recorded. * matches within a segment, ** across segments, e.g. /admin/**."
        defaultValue={typed?.excludedPaths ?? settings.excludedPaths.join('\n')}
        error={state.fieldErrors?.excludedPaths}
      />
      <LinesField
        name="allowedQueryParams"
        id="settings-allowedQueryParams"
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
    </>
  );
}
