import type { Role } from '@/lib/db/generated/enums';

export const ROLE_LABELS: Record<Role, string> = { OWNER: 'Owner', ADMIN: 'Admin', MEMBER: 'Member' };
export const ROLES: Role[] = ['OWNER', 'ADMIN', 'MEMBER'];
