import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';

import { linkClass } from '@/components/ui/styles';
import { currentUser } from '@/lib/auth/current-user';
import { safeNextPath } from '@/lib/http/safe-next';

import { AuthCard } from '../auth-card';
import { PasskeySignInButton } from '../sign-in/passkey-sign-in-button';
import { TwoFactorForm } from './two-factor-form';

export const metadata: Metadata = { title: 'Two-factor authentication', description: 'Confirm it is you.' };

export default async function TwoFactorPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const next = safeNextPath((await searchParams).next);
  if (await currentUser()) redirect(next ?? '/sites');
  return (
    <AuthCard title="Two-factor authentication">
      <TwoFactorForm next={next} />
      <PasskeySignInButton />
      <p className="mt-6 text-sm">
        <Link href="/sign-in" className={linkClass}>
          Start again
        </Link>
      </p>
    </AuthCard>
  );
}
