import type { Metadata } from 'next';
import { redirect } from 'next/navigation';

import { Logo } from '@/components/ui/logo';
import { currentUser } from '@/lib/auth/current-user';

import { SignInForm } from './sign-in-form';

export const metadata: Metadata = { title: 'Sign in', description: 'Sign in to your Glance dashboard.' };

export default async function SignInPage() {
  if (await currentUser()) redirect('/sites');
  return (
    <main className="flex min-h-screen flex-col items-center justify-center px-5 py-12">
      <Logo />
      <div className="mt-8 w-full max-w-sm rounded-2xl border border-slate-200 bg-white p-7 shadow-sm">
        <h1 className="text-xl font-semibold">Sign in</h1>
        <SignInForm />
      </div>
    </main>
  );
}
