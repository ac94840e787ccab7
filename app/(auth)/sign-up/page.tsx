import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';

import { linkClass } from '@/components/ui/styles';
import { currentUser } from '@/lib/auth/current-user';

import { AuthCard } from '../auth-card';
import { SignUpForm } from './sign-up-form';

export const metadata: Metadata = { title: 'Create an account', description: 'Start using Glance.' };

export default async function SignUpPage() {
  if (await currentUser()) redirect('/sites');
  return (
    <AuthCard title="Create your account">
      <SignUpForm />
      <p className="mt-6 text-sm text-slate-600">
        Already have an account?{' '}
        <Link href="/sign-in" className={linkClass}>
          Sign in
        </Link>
      </p>
    </AuthCard>
  );
}
