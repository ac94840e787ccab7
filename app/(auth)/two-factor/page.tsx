import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';

import { linkClass } from '@/components/ui/styles';
import { currentUser } from '@/lib/auth/current-user';

import { AuthCard } from '../auth-card';
import { PasskeySignInButton } from '../sign-in/passkey-sign-in-button';
import { TwoFactorForm } from './two-factor-form';

export const metadata: Metadata = { title: 'Two-factor authentication', description: 'Confirm it is you.' };

export default async function TwoFactorPage() {
  if (await currentUser()) redirect('/sites');
  return (
    <AuthCard title="Two-factor authentication">
      <TwoFactorForm />
      <PasskeySignInButton />
      <p className="mt-6 text-sm">
        <Link href="/sign-in" className={linkClass}>
          Start again
        </Link>
      </p>
    </AuthCard>
  );
}
