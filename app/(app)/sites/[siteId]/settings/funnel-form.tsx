'use client';

import { Field, LinesField } from '@/components/ui/field';

import { createFunnelAction } from './actions';
import { SettingsForm } from './settings-form';

/** A new funnel: a name and its steps, one per line (a path for a page, else a custom event name). */
export function FunnelForm({ siteId }: { siteId: string }) {
  return (
    <SettingsForm action={createFunnelAction.bind(null, siteId)} submitLabel="Add funnel">
      {(state) => (
        <>
          <Field
            name="name"
            id="funnel-name"
            label="Funnel name"
            placeholder="Signup"
            required
            maxLength={80}
            defaultValue={state.values?.name}
            error={state.fieldErrors?.name}
          />
          <LinesField
            name="steps"
            id="funnel-steps"
            label="Steps, in order"
            required
            defaultValue={state.values?.steps}
            placeholder={'/pricing\n/signup\nSignup'}
            help="One step per line, 2 to 8: a page path (starts with /, * and ** allowed) or a custom event name."
            error={state.fieldErrors?.steps}
          />
        </>
      )}
    </SettingsForm>
  );
}
