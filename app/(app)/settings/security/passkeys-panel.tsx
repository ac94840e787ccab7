'use client';

import { startRegistration } from '@simplewebauthn/browser';
import { useActionState, useState } from 'react';

import { Field } from '@/components/ui/field';
import { FormError } from '@/components/ui/form-error';
import { FormSuccess } from '@/components/ui/form-success';
import { primaryButtonClass, secondaryButtonClass } from '@/components/ui/styles';
import type { ActionState } from '@/lib/auth/action-result';

import {
  finishPasskeyRegistrationAction,
  removePasskeyAction,
  renamePasskeyAction,
  startPasskeyRegistrationAction,
} from './passkey-actions';

export interface PasskeyRow {
  id: string;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
}

// UTC on server and client alike, so hydration sees the same text whatever the browser's zone.
const day = (iso: string) => new Date(iso).toLocaleDateString('en', { dateStyle: 'medium', timeZone: 'UTC' });

function PasskeyItem({ passkey }: { passkey: PasskeyRow }) {
  const [renamed, rename, renaming] = useActionState<ActionState, FormData>(renamePasskeyAction, {});
  const [removed, remove, removing] = useActionState<ActionState, FormData>(removePasskeyAction, {});
  return (
    <li className="py-4">
      <p className="font-medium">{passkey.name}</p>
      <p className="text-sm text-slate-600">
        Added {day(passkey.createdAt)} · {passkey.lastUsedAt ? `last used ${day(passkey.lastUsedAt)}` : 'not used yet'}
      </p>
      <details className="mt-2">
        <summary className="cursor-pointer text-sm font-medium text-brand-700">
          Rename or remove “{passkey.name}”
        </summary>
        <div className="mt-3 grid gap-6 md:grid-cols-2">
          <form action={rename} className="space-y-3" noValidate>
            <input type="hidden" name="passkeyId" value={passkey.id} />
            <Field
              name="name"
              id={`rename-${passkey.id}`}
              label="New name"
              defaultValue={passkey.name}
              maxLength={60}
              required
              error={renamed.fieldErrors?.name}
            />
            <FormError message={renamed.fieldErrors?.name ? null : renamed.error} />
            <FormSuccess message={renamed.message} />
            <button type="submit" disabled={renaming} className={secondaryButtonClass}>
              Rename
            </button>
          </form>
          <form action={remove} className="space-y-3" noValidate>
            <input type="hidden" name="passkeyId" value={passkey.id} />
            <Field
              name="currentPassword"
              id={`remove-${passkey.id}`}
              label="Current password"
              type="password"
              autoComplete="current-password"
              required
            />
            <FormError message={removed.error} />
            <button type="submit" disabled={removing} className={secondaryButtonClass}>
              {removing ? 'Removing…' : 'Remove passkey'}
            </button>
          </form>
        </div>
      </details>
    </li>
  );
}

function AddPasskeyForm() {
  const [state, setState] = useState<ActionState>({});
  const [pending, setPending] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const name = String(form.get('name') ?? '');
    setPending(true);
    setState({});
    try {
      const started = await startPasskeyRegistrationAction(String(form.get('currentPassword') ?? ''));
      if (!started.options) {
        setState(started);
        return;
      }
      const response = await startRegistration({ optionsJSON: started.options });
      const finished = await finishPasskeyRegistrationAction(JSON.stringify(response), name);
      setState(finished);
      if (finished.ok) formElement.reset();
    } catch {
      setState({ error: 'The passkey was not created. Your browser or device may have cancelled it.' });
    } finally {
      setPending(false);
    }
  }

  return (
    <form onSubmit={onSubmit} className="max-w-md space-y-4" noValidate>
      <h3 className="font-medium">Add a passkey</h3>
      <Field
        name="name"
        id="passkey-name"
        label="Name"
        placeholder="Work laptop"
        maxLength={60}
        required
        error={state.fieldErrors?.name}
      />
      <Field
        name="currentPassword"
        id="passkey-password"
        label="Current password"
        type="password"
        autoComplete="current-password"
        required
      />
      <FormError message={state.fieldErrors?.name ? null : state.error} />
      <FormSuccess message={state.message} />
      <button type="submit" disabled={pending} className={primaryButtonClass}>
        {pending ? 'Waiting for your device…' : 'Add a passkey'}
      </button>
    </form>
  );
}

export function PasskeysPanel({ passkeys }: { passkeys: PasskeyRow[] }) {
  return (
    <div className="mt-4 space-y-6">
      {passkeys.length ? (
        <ul aria-label="Your passkeys" className="divide-y divide-slate-200 border-y border-slate-200">
          {passkeys.map((passkey) => (
            <PasskeyItem key={passkey.id} passkey={passkey} />
          ))}
        </ul>
      ) : (
        <p className="text-sm text-slate-600">You have no passkeys yet.</p>
      )}
      <AddPasskeyForm />
    </div>
  );
}
