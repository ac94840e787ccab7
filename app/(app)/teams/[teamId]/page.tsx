// The team's page: members and their roles, invitations, the security policy, the permission matrix,
// and (for owners) ownership transfer and deletion. Every control's action is re-checked on the server.
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';

import { RolesMatrix } from '@/components/marketing/roles-matrix';
import { ActionForm } from '@/components/ui/action-form';
import { inputClass, labelClass, panelClass, primaryButtonClass, secondaryButtonClass } from '@/components/ui/styles';
import { accountContext } from '@/lib/auth/account-context';
import { requireUser } from '@/lib/auth/current-user';
import { listPasskeys } from '@/lib/auth/passkeys/manage-passkeys';
import { db } from '@/lib/db/client';
import { NotFound, TwoFactorRequired } from '@/lib/errors';
import { listInvitations } from '@/lib/teams/invitations';
import { listMembers } from '@/lib/teams/list-members';
import { can } from '@/lib/teams/permissions';

import { ConfirmDeletionForm } from '../../confirm-deletion-form';

import {
  deleteTeamAction,
  inviteAction,
  leaveTeamAction,
  resendInvitationAction,
  revokeInvitationAction,
  setPolicyAction,
  transferAction,
} from './actions';
import { InviteForm } from './invite-form';
import { MembersSection } from './members-section';
import { ROLE_LABELS } from './role-labels';
import { TwoFactorNotice } from './two-factor-notice';

export const metadata: Metadata = { title: 'Team', description: 'Members, invitations, roles and policies.' };

const date = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeZone: 'UTC' });

function Section({
  id,
  title,
  intro,
  children,
}: {
  id: string;
  title: string;
  intro?: string;
  children: React.ReactNode;
}) {
  return (
    <section aria-labelledby={id} className={panelClass}>
      <h2 id={id} className="text-lg font-semibold">
        {title}
      </h2>
      {intro ? <p className="mt-1 text-sm text-slate-600">{intro}</p> : null}
      {children}
    </section>
  );
}

export default async function TeamPage({ params }: { params: Promise<{ teamId: string }> }) {
  const { teamId } = await params;
  const user = await requireUser();
  let data: Awaited<ReturnType<typeof listMembers>>;
  try {
    data = await listMembers(db(), { userId: user.id }, teamId);
  } catch (error) {
    if (error instanceof NotFound) notFound();
    if (!(error instanceof TwoFactorRequired)) throw error;
    return (
      <div className="space-y-6">
        <TwoFactorNotice teamName={error.teamName} />
        <ActionForm action={leaveTeamAction.bind(null, teamId)}>
          <button type="submit" className={secondaryButtonClass}>
            Leave team
          </button>
        </ActionForm>
      </div>
    );
  }
  const { team, members } = data;
  const me = members.find((member) => member.userId === user.id)!;
  const canManage = can(me.role, 'members:manage');
  const now = new Date();
  const invitations = canManage ? await listInvitations({ db: db() }, { userId: user.id }, teamId) : [];
  const others = members.filter((member) => member.userId !== user.id);

  return (
    <div className="space-y-6">
      <Section id="members-heading" title={`Members (${members.length})`}>
        <MembersSection teamId={teamId} members={members} viewer={{ userId: user.id, role: me.role, canManage }} />
      </Section>

      {canManage ? (
        <Section
          id="invite-heading"
          title="Invite someone"
          intro="We email them a link that works once, for 7 days. Owners are made from members, below or in the list above."
        >
          <InviteForm action={inviteAction.bind(null, teamId)} />
          {invitations.length > 0 ? (
            <>
              <h3 className="mt-6 text-sm font-semibold text-slate-700">Open invitations</h3>
              <ul className="mt-2 divide-y divide-slate-200">
                {invitations.map((invitation) => {
                  const expired = invitation.expiresAt <= now;
                  return (
                    <li key={invitation.id} className="flex flex-wrap items-center justify-between gap-3 py-3">
                      <div className="min-w-0">
                        <p className="font-medium break-all">{invitation.email}</p>
                        <p className="text-sm text-slate-600">
                          {ROLE_LABELS[invitation.role]} ·{' '}
                          {expired ? 'Expired' : `Expires ${date.format(invitation.expiresAt)}`}
                        </p>
                      </div>
                      <div className="flex flex-wrap gap-2">
                        <ActionForm action={resendInvitationAction.bind(null, teamId)}>
                          <input type="hidden" name="invitationId" value={invitation.id} />
                          <button
                            type="submit"
                            aria-label={`Send the invitation to ${invitation.email} again`}
                            className={secondaryButtonClass}
                          >
                            Send again
                          </button>
                        </ActionForm>
                        <ActionForm action={revokeInvitationAction.bind(null, teamId)}>
                          <input type="hidden" name="invitationId" value={invitation.id} />
                          <button
                            type="submit"
                            aria-label={`Revoke the invitation to ${invitation.email}`}
                            className="rounded-lg border border-red-300 px-4 py-2 text-sm font-semibold text-red-800 hover:bg-red-50"
                          >
                            Revoke
                          </button>
                        </ActionForm>
                      </div>
                    </li>
                  );
                })}
              </ul>
            </>
          ) : null}
        </Section>
      ) : null}

      <Section
        id="policy-heading"
        title="Two-factor authentication"
        intro="When required, members without two-factor authentication see none of the team’s data until they turn it on."
      >
        <p className="mt-3 text-sm">
          {team.requireTwoFactor ? <strong>Required of every member.</strong> : <>Not required by this team.</>}
        </p>
        {can(me.role, 'team:policy') ? (
          <ActionForm action={setPolicyAction.bind(null, teamId)} className="mt-3 flex flex-wrap gap-3">
            <input type="hidden" name="requireTwoFactor" value={team.requireTwoFactor ? 'off' : 'on'} />
            <button type="submit" className={team.requireTwoFactor ? secondaryButtonClass : primaryButtonClass}>
              {team.requireTwoFactor ? 'Stop requiring two-factor authentication' : 'Require two-factor authentication'}
            </button>
          </ActionForm>
        ) : null}
      </Section>

      <Section id="roles-heading" title="Roles and permissions" intro="Checked on the server for every action.">
        <div className="mt-4">
          <RolesMatrix />
        </div>
      </Section>

      {can(me.role, 'team:transfer') && others.length > 0 ? (
        <Section
          id="transfer-heading"
          title="Transfer ownership"
          intro="The member you choose becomes an owner and you become an admin."
        >
          <ActionForm action={transferAction.bind(null, teamId)} className="mt-4 flex flex-wrap items-end gap-3">
            <div className="min-w-[14rem] flex-1">
              <label htmlFor="transfer-to" className={labelClass}>
                New owner
              </label>
              <select id="transfer-to" name="userId" className={inputClass}>
                {others.map((member) => (
                  <option key={member.userId} value={member.userId}>
                    {member.email}
                  </option>
                ))}
              </select>
            </div>
            <button type="submit" className={secondaryButtonClass}>
              Transfer ownership
            </button>
          </ActionForm>
        </Section>
      ) : null}

      {can(me.role, 'team:delete') ? (
        <Section
          id="delete-heading"
          title="Delete this team"
          intro="At once and for good: every site of the team with all its statistics, the members’ access, invitations and API tokens. The audit log keeps its entries, which name people by id only."
        >
          <ConfirmDeletionForm
            action={deleteTeamAction.bind(null, teamId)}
            idPrefix="delete"
            confirmation={team.name}
            passwordLabel="Your password"
            submitLabel="Delete this team and all its data"
            hasPasskeys={(await listPasskeys(accountContext(), user.id)).length > 0}
          />
        </Section>
      ) : null}
    </div>
  );
}
