'use client';

import { signIn } from 'next-auth/react';
import { useRouter } from 'next/navigation';
import { useState } from 'react';

import { FormError } from '@/components/ui/form-error';
import { inputClass, labelClass, primaryButtonClass } from '@/components/ui/styles';

export function SignInForm({ next }: { next?: string | null }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    try {
      const response = await fetch('/api/sign-in/password', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ email: form.get('email'), password: form.get('password') }),
      });
      const answer = (await response.json()) as { next?: 'complete' | 'two-factor'; error?: string };
      if (!response.ok || !answer.next) {
        setError(answer.error ?? 'Signing in failed. Please try again.');
      } else if (answer.next === 'two-factor') {
        router.push(next ? `/two-factor?next=${encodeURIComponent(next)}` : '/two-factor');
      } else {
        const result = await signIn('login', { redirect: false });
        if (result?.ok && !result.error) {
          router.push(next ?? '/sites');
          router.refresh();
        } else {
          setError(result?.error ?? 'Signing in failed. Please try again.');
        }
      }
    } catch {
      setError('Glance could not be reached. Check your connection and try again.');
    } finally {
      setPending(false);
    }
  }

  return (
    <form onSubmit={onSubmit} className="mt-5 space-y-4" noValidate>
      <div>
        <label htmlFor="email" className={labelClass}>
          Email
        </label>
        <input id="email" name="email" type="email" autoComplete="username webauthn" required className={inputClass} />
      </div>
      <div>
        <label htmlFor="password" className={labelClass}>
          Password
        </label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          className={inputClass}
        />
      </div>
      <FormError message={error} />
      <button type="submit" disabled={pending} className={`${primaryButtonClass} w-full py-2.5`}>
        {pending ? 'Signing in…' : 'Sign in'}
      </button>
    </form>
  );
}
