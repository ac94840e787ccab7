import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';

import { linkClass } from '@/components/ui/styles';
import { currentUser } from '@/lib/auth/current-user';

import { AuthCard } from '../auth-card';
import { PasskeySignInButton } from './passkey-sign-in-button';
import { SignInForm } from './sign-in-form';

export const metadata: Metadata = { title: 'Sign in', description: 'Sign in to your Glance dashboard.' };

export default async function SignInPage() {
  if (await currentUser()) redirect('/sites');
  return (
    <AuthCard title="Sign in">
      <SignInForm />
      <PasskeySignInButton />
      <div className="mt-6 flex flex-wrap justify-between gap-2 text-sm">
        <Link href="/reset" className={linkClass}>
          Forgot your password?
        </Link>
        <Link href="/sign-up" className={linkClass}>
          Create an account
        </Link>
      </div>
    </AuthCard>
  );
}
