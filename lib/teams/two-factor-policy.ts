// When a team asks its members for two-factor authentication: its own policy (every member), and
// its plan (owners of paid teams above the entry plan). A user-verified passkey counts as two factors.
import { ownersNeedTwoFactor } from '@/lib/billing/billing-state';
import type { Role } from '@/lib/db/generated/enums';

export interface PolicyFacts {
  role: Role;
  team: { requireTwoFactor: boolean; subscription: { plan: string; status: string } | null };
  user: { totpEnabledAt: Date | null; _count: { passkeys: number } };
}

/** The select that loads PolicyFacts through a membership row. */
export const POLICY_SELECT = {
  role: true,
  team: { select: { name: true, requireTwoFactor: true, subscription: { select: { plan: true, status: true } } } },
  user: { select: { totpEnabledAt: true, _count: { select: { passkeys: true } } } },
} as const;

export function hasTwoFactor(user: PolicyFacts['user']): boolean {
  return user.totpEnabledAt !== null || user._count.passkeys > 0;
}

/** Why the team asks this member for two-factor authentication, or null if it does not. */
export function twoFactorDemand(facts: Omit<PolicyFacts, 'user'>): 'team-policy' | 'plan' | null {
  if (facts.team.requireTwoFactor) return 'team-policy';
  if (facts.role === 'OWNER' && ownersNeedTwoFactor(facts.team.subscription)) return 'plan';
  return null;
}

/** True when the member must turn two-factor authentication on before seeing the team's data. */
export function blockedByTwoFactor(facts: PolicyFacts): boolean {
  return twoFactorDemand(facts) !== null && !hasTwoFactor(facts.user);
}
