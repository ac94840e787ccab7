import type { Metadata } from 'next';

import { accountContext } from '@/lib/auth/account-context';
import { isResetLinkLive } from '@/lib/auth/reset-password';

import { AuthCard } from '../auth-card';
import { RequestResetForm, SetPasswordForm } from './reset-forms';

export const metadata: Metadata = { title: 'Reset your password', description: 'Choose a new Glance password.' };

export default async function ResetPage({ searchParams }: { searchParams: Promise<{ token?: string | string[] }> }) {
  const { token } = await searchParams;
  if (typeof token === 'string' && token) {
    const live = await isResetLinkLive(accountContext(), token);
    return (
      <AuthCard title="Choose a new password">
        {live ? (
          <SetPasswordForm token={token} />
        ) : (
          <>
            <p role="alert" className="mt-5 rounded-lg bg-red-50 px-3 py-2 text-sm text-red-800">
              This link is invalid, was already used or has expired. Request a new one below.
            </p>
            <RequestResetForm />
          </>
        )}
      </AuthCard>
    );
  }
  return (
    <AuthCard title="Reset your password">
      <RequestResetForm />
    </AuthCard>
  );
}
