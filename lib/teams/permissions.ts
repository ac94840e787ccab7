// Who may do what in a team: one matrix, checked on the server for every action.
// Owner: everything. Admin: everything but billing, the team's security policy, deleting the team and
// transferring ownership; admins cannot change or remove owners nor make anyone an owner
// (lib/teams/change-role.ts). Member: read stats and export them, see who is in the team, leave.
// A team's two-factor policy (lib/teams/two-factor-policy.ts) comes on top: a member it blocks may
// do nothing with the team's data until they turn two-factor authentication on, except what keeps the
// team's account in order (an owner can still reach billing: pay, downgrade, cancel).
import type { Database } from '@/lib/db/client';
import type { Role } from '@/lib/db/generated/enums';
import { Forbidden, NotFound, TwoFactorRequired } from '@/lib/errors';

import { blockedByTwoFactor, POLICY_SELECT } from './two-factor-policy';

export const PERMISSIONS = {
  'stats:read': ['OWNER', 'ADMIN', 'MEMBER'],
  'stats:export': ['OWNER', 'ADMIN', 'MEMBER'],
  'sites:manage': ['OWNER', 'ADMIN'],
  'goals:manage': ['OWNER', 'ADMIN'],
  'tokens:manage': ['OWNER', 'ADMIN'],
  'members:manage': ['OWNER', 'ADMIN'],
  'audit:read': ['OWNER', 'ADMIN'],
  'billing:manage': ['OWNER'],
  'team:policy': ['OWNER'],
  'team:delete': ['OWNER'],
  'team:transfer': ['OWNER'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

/** Not about the team's data: allowed even while the two-factor policy blocks the member. */
const REACHABLE_WHILE_BLOCKED: readonly Permission[] = ['billing:manage'];

export function can(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}

/**
 * The caller's role in the team if it allows `permission`. A team the caller does not belong to is
 * "not found" (its existence is not revealed); a role that falls short is "forbidden"; a member the
 * team's two-factor policy blocks gets TwoFactorRequired (also 403), which says what to do.
 */
export async function requirePermission(
  db: Database,
  userId: string,
  teamId: string,
  permission: Permission,
): Promise<Role> {
  const membership = await db.membership.findUnique({
    where: { teamId_userId: { teamId, userId } },
    select: POLICY_SELECT,
  });
  if (!membership) throw new NotFound('Team not found');
  if (!can(membership.role, permission)) throw new Forbidden();
  if (!REACHABLE_WHILE_BLOCKED.includes(permission) && blockedByTwoFactor(membership)) {
    throw new TwoFactorRequired(teamId, membership.team.name);
  }
  return membership.role;
}

/** The teams a user belongs to, with their role, for pickers and switchers. */
export async function listTeamsForUser(db: Database, userId: string) {
  const memberships = await db.membership.findMany({
    where: { userId },
    select: { ...POLICY_SELECT, team: { select: { ...POLICY_SELECT.team.select, id: true } } },
    orderBy: { team: { name: 'asc' } },
  });
  return memberships.map((membership) => ({
    id: membership.team.id,
    name: membership.team.name,
    role: membership.role,
    /** The team's two-factor policy keeps this user out until they turn it on. */
    blocked: blockedByTwoFactor(membership),
  }));
}
