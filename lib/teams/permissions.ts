// Who may do what in a team: one matrix, checked on the server for every action.
// Owner: everything. Admin: everything but billing, deleting the team and transferring ownership.
// Member: read stats and export them.
import type { Database } from '@/lib/db/client';
import type { Role } from '@/lib/db/generated/enums';
import { Forbidden, NotFound } from '@/lib/errors';

export const PERMISSIONS = {
  'stats:read': ['OWNER', 'ADMIN', 'MEMBER'],
  'stats:export': ['OWNER', 'ADMIN', 'MEMBER'],
  'sites:manage': ['OWNER', 'ADMIN'],
  'goals:manage': ['OWNER', 'ADMIN'],
  'tokens:manage': ['OWNER', 'ADMIN'],
  'members:manage': ['OWNER', 'ADMIN'],
  'billing:manage': ['OWNER'],
  'team:delete': ['OWNER'],
  'team:transfer': ['OWNER'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}

/**
 * The caller's role in the team if it allows `permission`. A team the caller does not belong to is
 * "not found" (its existence is not revealed); a role that falls short is "forbidden".
 */
export async function requirePermission(
  db: Database,
  userId: string,
  teamId: string,
  permission: Permission,
): Promise<Role> {
  const membership = await db.membership.findUnique({
    where: { teamId_userId: { teamId, userId } },
    select: { role: true },
  });
  if (!membership) throw new NotFound('Team not found');
  if (!can(membership.role, permission)) throw new Forbidden();
  return membership.role;
}

/** The teams a user belongs to, with their role, for pickers and switchers. */
export async function listTeamsForUser(db: Database, userId: string) {
  const memberships = await db.membership.findMany({
    where: { userId },
    select: { role: true, team: { select: { id: true, name: true } } },
    orderBy: { team: { name: 'asc' } },
  });
  return memberships.map(({ role, team }) => ({ ...team, role }));
}
