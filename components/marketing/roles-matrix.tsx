import { PERMISSIONS, type Permission } from '@/lib/teams/permissions';

import { DataTable } from './data-table';

// Words for each permission; the matrix itself is lib/teams/permissions.ts, the one every action checks.
const LABELS: Record<Permission, string> = {
  'stats:read': 'See statistics',
  'stats:export': 'Export statistics',
  'sites:manage': 'Add, change and delete sites',
  'goals:manage': 'Manage goals',
  'tokens:manage': 'Create and revoke API tokens',
  'members:manage': 'Invite and remove members, change roles (only owners make or change owners)',
  'audit:read': 'Read the audit log',
  'billing:manage': 'Manage billing and plans',
  'team:policy': 'Require two-factor authentication of all members',
  'team:delete': 'Delete the team',
  'team:transfer': 'Transfer ownership',
};

const ROLES = [
  ['OWNER', 'Owner'],
  ['ADMIN', 'Admin'],
  ['MEMBER', 'Member'],
] as const;

/** The permission matrix as a table, rendered from the matrix itself. */
export function RolesMatrix() {
  return (
    <DataTable
      caption="What each team role may do"
      columns={['Action', ...ROLES.map(([, label]) => label)]}
      rows={(Object.entries(PERMISSIONS) as [Permission, readonly string[]][]).map(([permission, roles]) => [
        LABELS[permission],
        ...ROLES.map(([role]) =>
          roles.includes(role) ? (
            <span key={role}>
              <span aria-hidden="true">✓</span>
              <span className="sr-only">Yes</span>
            </span>
          ) : (
            <span key={role} className="text-slate-500">
              <span aria-hidden="true">–</span>
              <span className="sr-only">No</span>
            </span>
          ),
        ),
      ])}
    />
  );
}
