'use client';

// "Confirm with a passkey" inside a form that otherwise asks for the password: asks the browser for
// an assertion, puts it in the form's hidden passkeyResponse field and submits the form.
import { startAuthentication } from '@simplewebauthn/browser';
import type { PublicKeyCredentialRequestOptionsJSON } from '@simplewebauthn/browser';
import { useRef, useState } from 'react';

import { FormError } from './form-error';
import { secondaryButtonClass } from './styles';

export function PasskeyConfirmButton({
  getOptions,
  label,
}: {
  getOptions: () => Promise<PublicKeyCredentialRequestOptionsJSON>;
  label: string;
}) {
  const field = useRef<HTMLInputElement>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onClick() {
    setError(null);
    setPending(true);
    try {
      const response = await startAuthentication({ optionsJSON: await getOptions() });
      field.current!.value = JSON.stringify(response);
      field.current!.form!.requestSubmit();
    } catch {
      setError('No passkey was used. Try again, or enter your password.');
    } finally {
      setPending(false);
    }
  }

  return (
    <div className="space-y-2">
      <input ref={field} type="hidden" name="passkeyResponse" defaultValue="" />
      <button type="button" onClick={onClick} disabled={pending} className={secondaryButtonClass}>
        {pending ? 'Waiting for your passkey…' : label}
      </button>
      <FormError message={error} />
    </div>
  );
}
