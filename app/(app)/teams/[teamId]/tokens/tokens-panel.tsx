'use client';

import { useActionState, useState } from 'react';

import { Field } from '@/components/ui/field';
import { FormError } from '@/components/ui/form-error';
import { inputClass, labelClass, primaryButtonClass, secondaryButtonClass } from '@/components/ui/styles';
import type { ActionState } from '@/lib/auth/action-result';

import { createTokenAction, revokeTokenAction, type CreateTokenState } from './actions';

export interface TokenRow {
  id: string;
  name: string;
  prefix: string;
  scopes: string[];
  createdBy: string;
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  expired: boolean;
}

// UTC on server and client alike, so hydration sees the same text whatever the browser's zone.
const day = (iso: string) => new Date(iso).toLocaleDateString('en', { dateStyle: 'medium', timeZone: 'UTC' });
const when = (iso: string) =>
  `${new Date(iso).toLocaleString('en', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' })} UTC`;

function NewToken({ name, token }: { name: string; token: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <div role="status" className="space-y-2 rounded-lg border border-green-200 bg-green-50 p-4 text-sm text-green-900">
      <p className="font-semibold">Token “{name}” created. Copy it now: it will not be shown again.</p>
      <div className="flex flex-wrap items-center gap-2">
        <code
          aria-label="New API token"
          className="rounded bg-white px-2 py-1 font-mono text-sm break-all text-slate-900"
        >
          {token}
        </code>
        <button
          type="button"
          className={secondaryButtonClass}
          onClick={() =>
            navigator.clipboard?.writeText(token).then(
              () => setCopied(true),
              () => {},
            )
          }
        >
          {copied ? 'Copied' : 'Copy'}
        </button>
      </div>
    </div>
  );
}

export function CreateTokenForm({
  teamId,
  scopes,
  expiryDays,
}: {
  teamId: string;
  scopes: { id: string; description: string }[];
  expiryDays: number[];
}) {
  const [state, action, pending] = useActionState<CreateTokenState, FormData>(createTokenAction.bind(null, teamId), {});
  return (
    <form action={action} className="mt-4 space-y-4">
      {state.token ? <NewToken name={state.tokenName ?? ''} token={state.token} /> : null}
      <FormError message={state.error} />
      <Field
        name="name"
        label="Name"
        help="What the token is for, e.g. “Weekly report script”."
        error={state.fieldErrors?.name}
        defaultValue={state.token ? '' : state.values?.name}
        maxLength={80}
        required
      />
      <fieldset aria-describedby={state.fieldErrors?.scopes ? 'scopes-error' : undefined}>
        <legend className={labelClass}>Scopes</legend>
        <div className="mt-2 grid gap-2 sm:grid-cols-2">
          {scopes.map((scope) => (
            <label key={scope.id} className="flex items-start gap-2 rounded-lg border border-slate-200 p-3 text-sm">
              <input
                type="checkbox"
                name="scopes"
                value={scope.id}
                defaultChecked={scope.id === 'stats:read'}
                className="mt-1"
              />
              <span>
                <span className="font-mono font-semibold">{scope.id}</span>
                <span className="block text-slate-600">{scope.description}</span>
              </span>
            </label>
          ))}
        </div>
        {state.fieldErrors?.scopes ? (
          <p id="scopes-error" className="mt-1 text-sm text-red-700">
            {state.fieldErrors.scopes}
          </p>
        ) : null}
      </fieldset>
      <div className="max-w-xs">
        <label htmlFor="expiresInDays" className={labelClass}>
          Expires
        </label>
        <select id="expiresInDays" name="expiresInDays" defaultValue="90" className={inputClass}>
          {expiryDays.map((days) => (
            <option key={days} value={days}>
              In {days === 365 ? 'a year' : `${days} days`}
            </option>
          ))}
          <option value="">Never</option>
        </select>
      </div>
      <button type="submit" disabled={pending} className={primaryButtonClass}>
        Create token
      </button>
    </form>
  );
}

function TokenItem({ teamId, token }: { teamId: string; token: TokenRow }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(revokeTokenAction.bind(null, teamId), {});
  return (
    <li className="flex flex-wrap items-start justify-between gap-3 py-4">
      <div className="min-w-0">
        <p className="font-medium">
          {token.name}{' '}
          <code className="ml-1 rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs text-slate-700">
            {token.prefix}…
          </code>
          {token.expired ? (
            <span className="ml-2 rounded-full bg-amber-50 px-2 py-0.5 text-xs font-semibold text-amber-800">
              Expired
            </span>
          ) : null}
        </p>
        <p className="mt-1 flex flex-wrap gap-1" aria-label="Scopes">
          {token.scopes.map((scope) => (
            <span key={scope} className="rounded-full bg-brand-50 px-2 py-0.5 font-mono text-xs text-brand-700">
              {scope}
            </span>
          ))}
        </p>
        <p className="mt-1 text-sm text-slate-600">
          Created by {token.createdBy} on {day(token.createdAt)} ·{' '}
          {token.expiresAt ? `${token.expired ? 'expired' : 'expires'} ${day(token.expiresAt)}` : 'never expires'} ·{' '}
          {token.lastUsedAt ? `last used ${when(token.lastUsedAt)}` : 'never used'}
        </p>
        <FormError message={state.error} />
      </div>
      <form action={action}>
        <input type="hidden" name="tokenId" value={token.id} />
        <button type="submit" disabled={pending} className={secondaryButtonClass}>
          Revoke<span className="sr-only"> {token.name}</span>
        </button>
      </form>
    </li>
  );
}

export function TokenList({ teamId, tokens }: { teamId: string; tokens: TokenRow[] }) {
  if (tokens.length === 0) return <p className="mt-2 text-sm text-slate-600">No tokens yet.</p>;
  return (
    <ul aria-label="API tokens" className="mt-4 divide-y divide-slate-200 border-y border-slate-200">
      {tokens.map((token) => (
        <TokenItem key={token.id} teamId={teamId} token={token} />
      ))}
    </ul>
  );
}
