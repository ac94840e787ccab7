import type { Metadata } from 'next';

import { panelClass } from '@/components/ui/styles';
import { accountContext } from '@/lib/auth/account-context';
import { requireUser } from '@/lib/auth/current-user';
import { listActiveSessions } from '@/lib/auth/manage-sessions';
import { getTotpStatus } from '@/lib/auth/manage-totp';
import { listPasskeys } from '@/lib/auth/passkeys/manage-passkeys';
import { accountDeletionPlan } from '@/lib/auth/delete-account';
import { listTeamsForUser } from '@/lib/teams/permissions';

import { ConfirmDeletionForm } from '../../confirm-deletion-form';

import { ChangeEmailForm, ChangePasswordForm } from './account-forms';
import { deleteAccountAction } from './delete-account-actions';
import { PasskeysPanel } from './passkeys-panel';
import { SessionsPanel } from './sessions-panel';
import { TotpPanel } from './totp-panel';

export const metadata: Metadata = { title: 'Security', description: 'Password, email, two-factor and sessions.' };

function Section({
  id,
  title,
  intro,
  children,
}: {
  id: string;
  title: string;
  intro: string;
  children: React.ReactNode;
}) {
  return (
    <section aria-labelledby={id} className={panelClass}>
      <h2 id={id} className="text-lg font-semibold">
        {title}
      </h2>
      <p className="mt-1 text-sm text-slate-600">{intro}</p>
      {children}
    </section>
  );
}

export default async function SecurityPage() {
  const user = await requireUser();
  const ctx = accountContext();
  const [totp, passkeys, sessions, teams, deletion] = await Promise.all([
    getTotpStatus(ctx, user),
    listPasskeys(ctx, user.id),
    listActiveSessions(ctx, user.id),
    listTeamsForUser(ctx.db, user.id),
    accountDeletionPlan(ctx.db, user.id),
  ]);
  const blockedBy = teams.filter((team) => team.blocked).map((team) => team.name);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold tracking-tight">Security</h1>
      {blockedBy.length > 0 ? (
        <p role="alert" className="rounded-2xl border border-amber-300 bg-amber-50 p-4 text-sm text-amber-900">
          {blockedBy.join(', ')} {blockedBy.length === 1 ? 'requires' : 'require'} two-factor authentication. Turn it on
          below (an authenticator app or a passkey) to see {blockedBy.length === 1 ? 'the team’s' : 'their'} data.
        </p>
      ) : null}
      <Section
        id="password-heading"
        title="Password"
        intro="Changing it signs out every other browser and tells you by email."
      >
        <ChangePasswordForm />
      </Section>
      <Section
        id="email-heading"
        title="Email address"
        intro="We send a link to the new address; the change happens when you open it."
      >
        <ChangeEmailForm email={user.email} />
      </Section>
      <Section
        id="totp-heading"
        title="Two-factor authentication"
        intro="After your password, Glance asks for a code from an app on your phone."
      >
        <TotpPanel status={totp} />
      </Section>
      <Section
        id="passkeys-heading"
        title="Passkeys"
        intro="Sign in with your device’s fingerprint, face or PIN instead of a password. A passkey counts as two factors."
      >
        <PasskeysPanel
          passkeys={passkeys.map((p) => ({
            id: p.id,
            name: p.name,
            createdAt: p.createdAt.toISOString(),
            lastUsedAt: p.lastUsedAt?.toISOString() ?? null,
          }))}
        />
      </Section>
      <Section
        id="sessions-heading"
        title="Active sessions"
        intro="Browsers signed in to your account. Revoking one signs it out at once."
      >
        <SessionsPanel
          sessions={sessions.map((s) => ({
            ...s,
            createdAt: s.createdAt.toISOString(),
            lastSeenAt: s.lastSeenAt.toISOString(),
            current: s.id === user.sessionId,
          }))}
        />
      </Section>
      <Section
        id="delete-account-heading"
        title="Delete your account"
        intro="At once and for good. Teams only you are in are deleted with it, with their sites and statistics."
      >
        {deletion.blocking.length > 0 ? (
          <p className="mt-4 rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-900">
            You are the only owner of {deletion.blocking.map((team) => team.name).join(', ')}, which other people use.
            Make someone else an owner, or delete the team, before deleting your account.
          </p>
        ) : null}
        {deletion.deletedWith.length > 0 ? (
          <p className="mt-4 text-sm text-slate-700">
            Deleted with it: {deletion.deletedWith.map((team) => team.name).join(', ')}.
          </p>
        ) : null}
        <ConfirmDeletionForm
          action={deleteAccountAction}
          idPrefix="delete-account"
          confirmation={user.email}
          passwordLabel="Current password"
          submitLabel="Delete my account"
          hasPasskeys={passkeys.length > 0}
        />
      </Section>
    </div>
  );
}
