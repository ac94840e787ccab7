// Pieces the membership changes share: a lock that serialises changes to one team (so two requests
// can never remove its last two owners at once), owner counting, and ending a member's sessions.
import type { Prisma } from '@/lib/db/generated/client';
import type { Role } from '@/lib/db/generated/enums';
import { Conflict, NotFound } from '@/lib/errors';

import { blockedByTwoFactor, POLICY_SELECT } from './two-factor-policy';

type Tx = Prisma.TransactionClient;

export const LAST_OWNER = 'A team needs at least one owner. Make another member an owner first (or delete the team).';

/** Locks the team's row until the transaction ends; every membership change takes it first. */
export async function lockTeam(tx: Tx, teamId: string): Promise<void> {
  const rows = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "Team" WHERE id = ${teamId} FOR UPDATE`;
  if (rows.length === 0) throw new NotFound('Team not found');
}

export async function findMember(tx: Tx, teamId: string, userId: string): Promise<{ role: Role }> {
  const member = await tx.membership.findUnique({
    where: { teamId_userId: { teamId, userId } },
    select: { role: true },
  });
  if (!member) throw new NotFound('Member not found');
  return member;
}

/** Refuses a change that would leave the team without an owner (call with the team locked). */
export async function assertOtherOwner(tx: Tx, teamId: string, userId: string): Promise<void> {
  const others = await tx.membership.count({ where: { teamId, role: 'OWNER', userId: { not: userId } } });
  if (others === 0) throw new Conflict(LAST_OWNER);
}

/**
 * Signs a member out everywhere: their session version moves on (tokens in circulation stop working)
 * and their sessions are revoked. Used when someone else lowers their role or removes them, so that
 * nothing they had open keeps the old rights.
 */
export async function endSessionsOf(tx: Tx, userId: string, now: Date): Promise<void> {
  await tx.user.update({ where: { id: userId }, data: { sessionVersion: { increment: 1 } } });
  await tx.userSession.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: now } });
}

const RANK: Record<Role, number> = { OWNER: 3, ADMIN: 2, MEMBER: 1 };
export const isDemotion = (from: Role, to: Role) => RANK[to] < RANK[from];

/** On plans that require it, a new owner must already use two-factor authentication (else they would be locked out). */
export async function assertCanOwn(tx: Tx, teamId: string, userId: string): Promise<void> {
  const facts = await tx.membership.findUniqueOrThrow({
    where: { teamId_userId: { teamId, userId } },
    select: POLICY_SELECT,
  });
  if (blockedByTwoFactor({ ...facts, role: 'OWNER' })) {
    throw new Conflict('On this plan owners must use two-factor authentication: ask them to turn it on first.');
  }
}
