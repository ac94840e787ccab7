// The member list: everyone sees who is in the team; owners and admins get role and removal controls
// on the rows their role allows (lib/teams/change-role.ts has the rules; the server enforces them).
import { ActionForm } from '@/components/ui/action-form';
import { secondaryButtonClass } from '@/components/ui/styles';
import type { Role } from '@/lib/db/generated/enums';
import type { TeamMember } from '@/lib/teams/list-members';

import { changeRoleAction, leaveTeamAction, removeMemberAction } from './actions';
import { ROLE_LABELS, ROLES } from './role-labels';

const smallButton = 'rounded-lg border px-3 py-1.5 text-sm font-semibold';

export function MembersSection({
  teamId,
  members,
  viewer,
}: {
  teamId: string;
  members: TeamMember[];
  viewer: { userId: string; role: Role; canManage: boolean };
}) {
  return (
    <ul className="mt-4 divide-y divide-slate-200">
      {members.map((member) => {
        const self = member.userId === viewer.userId;
        const editable = viewer.canManage && (viewer.role === 'OWNER' || member.role !== 'OWNER');
        const roles = viewer.role === 'OWNER' ? ROLES : ROLES.filter((role) => role !== 'OWNER');
        const selectId = `role-${member.userId}`;
        return (
          <li key={member.userId} className="flex flex-wrap items-center justify-between gap-3 py-3">
            <div className="min-w-0">
              <p className="font-medium break-all">
                {member.name ? `${member.name} · ` : ''}
                {member.email}
                {self ? <span className="text-slate-600"> (you)</span> : null}
              </p>
              <p className="text-sm text-slate-600">
                {ROLE_LABELS[member.role]} ·{' '}
                {member.twoFactor ? 'Two-factor on' : <span className="text-amber-800">No two-factor</span>}
              </p>
            </div>
            <div className="flex flex-wrap items-start gap-2">
              {editable ? (
                <ActionForm action={changeRoleAction.bind(null, teamId)} className="flex flex-wrap items-center gap-2">
                  <input type="hidden" name="userId" value={member.userId} />
                  <label htmlFor={selectId} className="sr-only">
                    Role of {member.email}
                  </label>
                  <select
                    id={selectId}
                    name="role"
                    defaultValue={member.role}
                    className="rounded-lg border border-slate-300 px-2 py-1.5 text-sm"
                  >
                    {roles.map((role) => (
                      <option key={role} value={role}>
                        {ROLE_LABELS[role]}
                      </option>
                    ))}
                  </select>
                  <button type="submit" className={`${smallButton} border-slate-300 text-slate-700 hover:bg-slate-50`}>
                    Change role
                  </button>
                </ActionForm>
              ) : null}
              {self ? (
                <ActionForm action={leaveTeamAction.bind(null, teamId)}>
                  <button type="submit" className={secondaryButtonClass}>
                    Leave team
                  </button>
                </ActionForm>
              ) : editable ? (
                <ActionForm action={removeMemberAction.bind(null, teamId)}>
                  <input type="hidden" name="userId" value={member.userId} />
                  <button
                    type="submit"
                    aria-label={`Remove ${member.email}`}
                    className={`${smallButton} border-red-300 text-red-800 hover:bg-red-50`}
                  >
                    Remove
                  </button>
                </ActionForm>
              ) : null}
            </div>
          </li>
        );
      })}
    </ul>
  );
}
