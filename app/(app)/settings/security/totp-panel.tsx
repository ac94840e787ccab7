'use client';

import { useActionState } from 'react';

import { Field } from '@/components/ui/field';
import { FormError } from '@/components/ui/form-error';
import { FormSuccess } from '@/components/ui/form-success';
import { primaryButtonClass, secondaryButtonClass } from '@/components/ui/styles';

import {
  beginTotpSetupAction,
  cancelTotpSetupAction,
  confirmTotpAction,
  disableTotpAction,
  regenerateCodesAction,
  type TotpState,
} from './totp-actions';

export interface TotpStatus {
  enabledAt: string | null;
  remainingRecoveryCodes: number;
  setup: { qrSvg: string; secret: string } | null;
}

/** Shown once, right after they are made: only their hashes are kept. */
function RecoveryCodes({ codes }: { codes: string[] }) {
  return (
    <div role="status" className="mt-4 rounded-xl border border-amber-300 bg-amber-50 p-4 text-sm text-amber-950">
      <p className="font-semibold">Save these recovery codes now.</p>
      <p className="mt-1">
        Each one signs you in once if you lose your authenticator app. They will not be shown again.
      </p>
      <ul
        aria-label="Recovery codes"
        className="mt-3 grid gap-x-6 gap-y-1 font-mono text-base whitespace-nowrap sm:grid-cols-2"
      >
        {codes.map((code) => (
          <li key={code}>{code}</li>
        ))}
      </ul>
    </div>
  );
}

// One client component for every state, so the codes stay on screen when the page refreshes.
export function TotpPanel({ status }: { status: TotpStatus }) {
  const [confirmed, confirm, confirming] = useActionState<TotpState, FormData>(confirmTotpAction, {});
  const [regenerated, regenerate, regenerating] = useActionState<TotpState, FormData>(regenerateCodesAction, {});
  const [disabled, disable, disabling] = useActionState<TotpState, FormData>(disableTotpAction, {});
  const codes = regenerated.recoveryCodes ?? confirmed.recoveryCodes;

  if (status.enabledAt) {
    return (
      <div className="mt-4 space-y-5">
        <p className="text-sm text-slate-700">
          <span className="mr-2 rounded-full bg-green-100 px-2 py-0.5 text-xs font-semibold text-green-800">On</span>
          Since {new Date(status.enabledAt).toLocaleDateString('en', { dateStyle: 'medium', timeZone: 'UTC' })}.{' '}
          {status.remainingRecoveryCodes} of 10 recovery codes left.
        </p>
        {codes ? <RecoveryCodes codes={codes} /> : null}
        <div className="grid gap-6 md:grid-cols-2">
          <form action={regenerate} className="space-y-3" aria-labelledby="regenerate-heading" noValidate>
            <h3 id="regenerate-heading" className="font-medium">
              Make new recovery codes
            </h3>
            <Field
              name="currentPassword"
              id="regenerate-password"
              label="Current password"
              type="password"
              autoComplete="current-password"
              required
            />
            <FormError message={regenerated.error} />
            <button type="submit" disabled={regenerating} className={secondaryButtonClass}>
              {regenerating ? 'Making new codes…' : 'New recovery codes'}
            </button>
          </form>
          <form action={disable} className="space-y-3" aria-labelledby="disable-heading" noValidate>
            <h3 id="disable-heading" className="font-medium">
              Turn off
            </h3>
            <Field
              name="currentPassword"
              id="disable-password"
              label="Current password"
              type="password"
              autoComplete="current-password"
              required
            />
            <FormError message={disabled.error} />
            <button type="submit" disabled={disabling} className={secondaryButtonClass}>
              {disabling ? 'Turning off…' : 'Turn off two-factor authentication'}
            </button>
          </form>
        </div>
      </div>
    );
  }

  if (status.setup) {
    const errors = confirmed.fieldErrors ?? {};
    return (
      <div className="mt-4 grid gap-6 md:grid-cols-[auto_1fr]">
        <div>
          <div
            role="img"
            aria-label="QR code to scan with your authenticator app"
            className="h-48 w-48 rounded-lg border border-slate-200 bg-white p-1 [&>svg]:h-full [&>svg]:w-full"
            // Generated on the server by the qrcode package from our own otpauth:// URI: SVG shapes only.
            dangerouslySetInnerHTML={{ __html: status.setup.qrSvg }}
          />
          <p className="mt-2 max-w-48 text-xs text-slate-600">
            Or enter this key: <code className="font-mono break-words text-slate-900">{status.setup.secret}</code>
          </p>
        </div>
        <form action={confirm} className="max-w-sm space-y-4" noValidate>
          <p className="text-sm text-slate-700">
            Scan the code with an authenticator app (1Password, Aegis, Google Authenticator…), then enter the 6 digits
            it shows.
          </p>
          <Field
            name="code"
            label="Code from the app"
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={6}
            required
            error={errors.code}
          />
          <Field
            name="currentPassword"
            id="totp-password"
            label="Current password"
            type="password"
            autoComplete="current-password"
            required
          />
          <FormError message={errors.code ? null : confirmed.error} />
          <div className="flex flex-wrap gap-3">
            <button type="submit" disabled={confirming} className={primaryButtonClass}>
              {confirming ? 'Turning on…' : 'Turn on'}
            </button>
            <button type="submit" formAction={cancelTotpSetupAction} formNoValidate className={secondaryButtonClass}>
              Cancel
            </button>
          </div>
        </form>
      </div>
    );
  }

  return (
    <form action={beginTotpSetupAction} className="mt-4 space-y-3">
      <FormSuccess message={disabled.message} />
      <button type="submit" className={primaryButtonClass}>
        Set up an authenticator app
      </button>
    </form>
  );
}
