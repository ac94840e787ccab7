'use client';

import { signIn } from 'next-auth/react';
import { useRouter } from 'next/navigation';
import { useState } from 'react';

import { Field } from '@/components/ui/field';
import { FormError } from '@/components/ui/form-error';
import { primaryButtonClass } from '@/components/ui/styles';

export function TwoFactorForm({ next }: { next?: string | null }) {
  const router = useRouter();
  const [useRecovery, setUseRecovery] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    const answer = useRecovery
      ? { recoveryCode: String(form.get('recoveryCode') ?? '') }
      : { code: String(form.get('code') ?? '') };
    const result = await signIn('login', { ...answer, redirect: false });
    setPending(false);
    if (result?.ok && !result.error) {
      router.push(next ?? '/sites');
      router.refresh();
    } else {
      setError(result?.error ?? 'Signing in failed. Please try again.');
    }
  }

  return (
    <form onSubmit={onSubmit} className="mt-5 space-y-4" noValidate>
      {useRecovery ? (
        <Field
          key="recovery"
          name="recoveryCode"
          label="Recovery code"
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          required
          help="One of the ten codes you saved when you turned on two-factor authentication. Each works once."
        />
      ) : (
        <Field
          key="code"
          name="code"
          label="Authentication code"
          inputMode="numeric"
          autoComplete="one-time-code"
          pattern="[0-9]*"
          maxLength={6}
          required
          help="The 6-digit code your authenticator app shows for Glance."
        />
      )}
      <FormError message={error} />
      <button type="submit" disabled={pending} className={`${primaryButtonClass} w-full py-2.5`}>
        {pending ? 'Checking…' : 'Verify'}
      </button>
      <button
        type="button"
        onClick={() => {
          setUseRecovery(!useRecovery);
          setError(null);
        }}
        className="text-sm font-medium text-brand-700 hover:underline"
      >
        {useRecovery ? 'Use your authenticator app instead' : 'Use a recovery code instead'}
      </button>
    </form>
  );
}
