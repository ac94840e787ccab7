'use client';

import { Field, FieldHelp } from '@/components/ui/field';

import { createSharedLinkAction } from './actions';
import { SettingsForm } from './settings-form';

/** Creates a shared link: a name, an optional password, and whether other sites may embed it. */
export function SharedLinkForm({ siteId }: { siteId: string }) {
  return (
    <SettingsForm action={createSharedLinkAction.bind(null, siteId)} submitLabel="Create shared link">
      {(state) => (
        <>
          <Field
            name="name"
            id="shared-link-name"
            label="Name"
            placeholder="Investors"
            required
            maxLength={80}
            defaultValue={state.values?.name}
            help="Only you and your team see it."
            error={state.fieldErrors?.name}
          />
          <Field
            name="password"
            id="shared-link-password"
            type="password"
            label="Password (optional)"
            autoComplete="new-password"
            help="At least 8 characters. Leave empty for a link anyone with the address can open."
            error={state.fieldErrors?.password}
          />
          <div className="md:col-span-2">
            <label className="flex items-start gap-2 text-sm text-slate-700">
              <input
                type="checkbox"
                name="allowEmbed"
                defaultChecked={state.values?.allowEmbed === 'on'}
                className="mt-0.5 size-4"
                aria-describedby="shared-link-embed-help"
                aria-invalid={state.fieldErrors?.allowEmbed ? true : undefined}
              />
              <span>Allow other websites to embed this dashboard in an iframe</span>
            </label>
            <FieldHelp
              id="shared-link-embed-help"
              help="Only for links without a password."
              error={state.fieldErrors?.allowEmbed}
            />
          </div>
        </>
      )}
    </SettingsForm>
  );
}
