import type { Metadata } from 'next';

import { AuthCard } from '../auth-card';
import { ConfirmEmailForm, ResendVerificationForm } from './verify-forms';

export const metadata: Metadata = { title: 'Confirm your email', description: 'Confirm your email address.' };

// Opening the link changes nothing (mail scanners fetch links): the button below does, by POST.
export default async function VerifyPage({
  searchParams,
}: {
  searchParams: Promise<{ token?: string | string[]; change?: string | string[] }>;
}) {
  const { token, change } = await searchParams;
  return (
    <AuthCard title="Confirm your email">
      {typeof token === 'string' && token ? (
        <ConfirmEmailForm token={token} kind={change === '1' ? 'change' : 'verify'} />
      ) : (
        <ResendVerificationForm />
      )}
    </AuthCard>
  );
}
