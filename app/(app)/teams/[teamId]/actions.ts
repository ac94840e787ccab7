'use server';

// The team page's actions: each parses its form, calls one lib/teams function with the signed-in
// user as actor, and answers a safe message. Permissions are checked in lib, never here.
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';

import { accountContext } from '@/lib/auth/account-context';
import { actionError, type ActionState } from '@/lib/auth/action-result';
import { requireUser } from '@/lib/auth/current-user';
import { db } from '@/lib/db/client';
import { changeRole } from '@/lib/teams/change-role';
import { billingContext } from '@/lib/billing/billing-context';
import { cancelSubscriptionOfDeletedTeam } from '@/lib/billing/cancel-for-deleted-team';
import { deleteTeam } from '@/lib/teams/delete-team';
import { inviteMember, resendInvitation, revokeInvitation } from '@/lib/teams/invitations';
import { leaveTeam, removeMember } from '@/lib/teams/remove-member';
import { setTwoFactorPolicy } from '@/lib/teams/team-policy';
import { transferOwnership } from '@/lib/teams/transfer-ownership';

import { passkeyProof } from '../../passkey-proof';

const field = (form: FormData, name: string) => String(form.get(name) ?? '');

async function run(teamId: string, work: (actor: { userId: string }) => Promise<string>): Promise<ActionState> {
  const user = await requireUser();
  try {
    const message = await work({ userId: user.id });
    revalidatePath(`/teams/${teamId}`);
    return { ok: true, message };
  } catch (error) {
    return actionError(error);
  }
}

export async function changeRoleAction(teamId: string, _previous: ActionState, form: FormData) {
  return run(teamId, async (actor) => {
    await changeRole(db(), actor, teamId, { userId: field(form, 'userId'), role: field(form, 'role') });
    return 'Role changed.';
  });
}

export async function removeMemberAction(teamId: string, _previous: ActionState, form: FormData) {
  return run(teamId, async (actor) => {
    await removeMember(db(), actor, teamId, field(form, 'userId'));
    return 'Member removed.';
  });
}

export async function leaveTeamAction(teamId: string): Promise<ActionState> {
  const user = await requireUser();
  try {
    await leaveTeam(db(), { userId: user.id }, teamId);
  } catch (error) {
    return actionError(error);
  }
  revalidatePath('/', 'layout'); // the header's team switcher lists one team fewer
  redirect('/sites');
}

export async function inviteAction(teamId: string, _previous: ActionState, form: FormData): Promise<ActionState> {
  const values = { email: field(form, 'email'), role: field(form, 'role') };
  const user = await requireUser();
  try {
    const invitation = await inviteMember(accountContext(), { userId: user.id }, teamId, values);
    revalidatePath(`/teams/${teamId}`);
    return { ok: true, message: `Invitation sent to ${invitation.email}.` };
  } catch (error) {
    return actionError(error, values);
  }
}

export async function resendInvitationAction(teamId: string, _previous: ActionState, form: FormData) {
  return run(teamId, async (actor) => {
    await resendInvitation(accountContext(), actor, teamId, field(form, 'invitationId'));
    return 'Sent again: the earlier link no longer works.';
  });
}

export async function revokeInvitationAction(teamId: string, _previous: ActionState, form: FormData) {
  return run(teamId, async (actor) => {
    await revokeInvitation(accountContext(), actor, teamId, field(form, 'invitationId'));
    return 'Invitation revoked.';
  });
}

export async function setPolicyAction(teamId: string, _previous: ActionState, form: FormData) {
  return run(teamId, async (actor) => {
    const required = field(form, 'requireTwoFactor') === 'on';
    await setTwoFactorPolicy(db(), actor, teamId, required);
    return required
      ? 'Two-factor authentication is now required of every member.'
      : 'Two-factor authentication is no longer required by this team.';
  });
}

export async function transferAction(teamId: string, _previous: ActionState, form: FormData) {
  return run(teamId, async (actor) => {
    await transferOwnership(db(), actor, teamId, field(form, 'userId'));
    return 'Ownership transferred. You are now an admin of this team.';
  });
}

export async function deleteTeamAction(teamId: string, _previous: ActionState, form: FormData): Promise<ActionState> {
  const user = await requireUser();
  const values = { confirmation: field(form, 'confirmation') };
  try {
    await deleteTeam(
      accountContext(),
      { userId: user.id },
      teamId,
      { ...values, password: form.get('password'), passkey: await passkeyProof(form) },
      { beforeTeamPurge: (id) => cancelSubscriptionOfDeletedTeam(billingContext(), id) },
    );
  } catch (error) {
    return actionError(error, values);
  }
  revalidatePath('/', 'layout'); // the header's team switcher lists one team fewer
  redirect('/sites');
}
