// The page an invitation email links to. Looking at it changes nothing; accepting is a POST. The
// signed-in account with the invited address accepts; someone without an account creates it here.
import type { Metadata } from 'next';
import Link from 'next/link';

import { linkClass } from '@/components/ui/styles';
import { currentUser } from '@/lib/auth/current-user';
import { db } from '@/lib/db/client';
import { describeInvitation, INVITATION_GONE } from '@/lib/teams/accept-invitation';

import { AuthCard } from '../auth-card';
import { AcceptForm, NewAccountForm } from './invite-forms';

export const metadata: Metadata = { title: 'Team invitation', description: 'Join a team on Glance.' };

const ROLE_WORDS = { OWNER: 'an owner', ADMIN: 'an admin', MEMBER: 'a member' } as const;

export default async function InvitePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const token = (await searchParams).token;
  const invitation = typeof token === 'string' ? await describeInvitation(db(), token) : null;
  if (!invitation || typeof token !== 'string') {
    return (
      <AuthCard title="Team invitation">
        <p className="mt-4 text-slate-700">{INVITATION_GONE}</p>
      </AuthCard>
    );
  }
  const user = await currentUser();
  const intro = (
    <p className="mt-4 text-slate-700">
      You are invited to join <strong className="break-words">{invitation.teamName}</strong> as{' '}
      {ROLE_WORDS[invitation.role]}. The invitation is for <strong className="break-all">{invitation.email}</strong>.
    </p>
  );
  const here = `/invite?token=${encodeURIComponent(token)}`;
  if (user) {
    return (
      <AuthCard title="Join the team">
        {intro}
        {user.email.toLowerCase() === invitation.email ? (
          <AcceptForm token={token} />
        ) : (
          <p className="mt-4 rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-900">
            You are signed in as {user.email}. Sign out, then open the link again and sign in as {invitation.email}.
          </p>
        )}
      </AuthCard>
    );
  }
  return (
    <AuthCard title="Join the team">
      {intro}
      {invitation.hasAccount ? (
        <p className="mt-5">
          <Link href={`/sign-in?next=${encodeURIComponent(here)}`} className={linkClass}>
            Sign in as {invitation.email} to accept
          </Link>
        </p>
      ) : (
        <>
          <p className="mt-3 text-sm text-slate-600">
            Create your Glance account to accept. The invitation confirms your email address.
          </p>
          <NewAccountForm token={token} email={invitation.email} />
        </>
      )}
    </AuthCard>
  );
}
