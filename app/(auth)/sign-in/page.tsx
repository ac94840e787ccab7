import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';

import { linkClass } from '@/components/ui/styles';
import { currentUser } from '@/lib/auth/current-user';
import { safeNextPath } from '@/lib/http/safe-next';

import { AuthCard } from '../auth-card';
import { PasskeySignInButton } from './passkey-sign-in-button';
import { SignInForm } from './sign-in-form';

export const metadata: Metadata = { title: 'Sign in', description: 'Sign in to your Glance dashboard.' };

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const search = await searchParams;
  const next = safeNextPath(search.next);
  if (await currentUser()) redirect(next ?? '/sites');
  return (
    <AuthCard title="Sign in">
      {search.deleted === '1' ? (
        <p role="status" className="mt-4 rounded-lg bg-green-50 px-3 py-2 text-sm text-green-800">
          Your account and everything only it held have been deleted.
        </p>
      ) : null}
      {search.joined === '1' ? (
        <p role="status" className="mt-4 rounded-lg bg-green-50 px-3 py-2 text-sm text-green-800">
          Your account is ready and you have joined the team. Sign in to start.
        </p>
      ) : null}
      <SignInForm next={next} />
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
