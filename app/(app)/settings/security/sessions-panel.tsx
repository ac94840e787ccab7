'use client';

import { useActionState } from 'react';

import { FormError } from '@/components/ui/form-error';
import { FormSuccess } from '@/components/ui/form-success';
import { secondaryButtonClass } from '@/components/ui/styles';
import type { ActionState } from '@/lib/auth/action-result';

import { revokeOtherSessionsAction, revokeSessionAction } from './session-actions';

export interface SessionRow {
  id: string;
  deviceClass: string | null;
  country: string | null;
  factors: string[];
  createdAt: string;
  lastSeenAt: string;
  current: boolean;
}

const DEVICES: Record<string, string> = { desktop: 'Computer', mobile: 'Phone', tablet: 'Tablet' };
const FACTORS: Record<string, string> = {
  password: 'password',
  totp: 'authenticator code',
  'recovery-code': 'recovery code',
  passkey: 'passkey',
};

function countryName(code: string | null) {
  if (!code) return 'Unknown location';
  try {
    return new Intl.DisplayNames(['en'], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}

// UTC on server and client alike, so hydration sees the same text whatever the browser's zone.
const when = (iso: string) =>
  `${new Date(iso).toLocaleString('en', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' })} UTC`;

function SessionItem({ session }: { session: SessionRow }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(revokeSessionAction, {});
  const device = (session.deviceClass && DEVICES[session.deviceClass]) ?? 'Other device';
  return (
    <li className="flex flex-wrap items-center justify-between gap-3 py-4">
      <div>
        <p className="font-medium">
          {device} · {countryName(session.country)}
          {session.current ? (
            <span className="ml-2 rounded-full bg-brand-50 px-2 py-0.5 text-xs font-semibold text-brand-700">
              This browser
            </span>
          ) : null}
        </p>
        <p className="text-sm text-slate-600">
          Signed in {when(session.createdAt)} with{' '}
          {session.factors.map((f) => FACTORS[f] ?? f).join(' + ') || 'a password'}
          {' · '}last active {when(session.lastSeenAt)}
        </p>
        <FormError message={state.error} />
      </div>
      <form action={action}>
        <input type="hidden" name="sessionId" value={session.id} />
        <button type="submit" disabled={pending} className={secondaryButtonClass}>
          Revoke
          <span className="sr-only">
            {' '}
            {device} in {countryName(session.country)}, last active {when(session.lastSeenAt)}
          </span>
        </button>
      </form>
    </li>
  );
}

export function SessionsPanel({ sessions }: { sessions: SessionRow[] }) {
  const [state, action, pending] = useActionState<ActionState>(revokeOtherSessionsAction, {});
  return (
    <div className="mt-4 space-y-4">
      <ul aria-label="Active sessions" className="divide-y divide-slate-200 border-y border-slate-200">
        {sessions.map((session) => (
          <SessionItem key={session.id} session={session} />
        ))}
      </ul>
      <FormSuccess message={state.message} />
      {sessions.length > 1 ? (
        <form action={action}>
          <button type="submit" disabled={pending} className={secondaryButtonClass}>
            Sign out all other browsers
          </button>
        </form>
      ) : null}
    </div>
  );
}
