'use client';

import { startAuthentication } from '@simplewebauthn/browser';
import { signIn } from 'next-auth/react';
import { useRouter } from 'next/navigation';
import { useState } from 'react';

import { FormError } from '@/components/ui/form-error';
import { secondaryButtonClass } from '@/components/ui/styles';

import { passkeySignInOptionsAction } from './passkey-actions';

/** Passwordless sign-in; a user-verified passkey satisfies two-factor authentication on its own. */
export function PasskeySignInButton() {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onClick() {
    setPending(true);
    setError(null);
    try {
      const optionsJSON = await passkeySignInOptionsAction();
      const response = await startAuthentication({ optionsJSON });
      const result = await signIn('passkey', { response: JSON.stringify(response), redirect: false });
      if (result?.ok && !result.error) {
        router.push('/sites');
        router.refresh();
        return;
      }
      setError(result?.error ?? 'Signing in with a passkey failed.');
    } catch {
      setError('No passkey was used. Try again, or sign in with your password.');
    } finally {
      setPending(false);
    }
  }

  return (
    <div className="mt-4 space-y-3">
      <button type="button" onClick={onClick} disabled={pending} className={`${secondaryButtonClass} w-full py-2.5`}>
        {pending ? 'Waiting for your passkey…' : 'Use a passkey'}
      </button>
      <FormError message={error} />
    </div>
  );
}
