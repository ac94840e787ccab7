// Creates a team with the caller as its owner: from the team switcher, and the personal team at sign-up.
import { z } from 'zod';

import { recordAudit } from '@/lib/audit/record-audit';
import type { Database } from '@/lib/db/client';
import type { Prisma } from '@/lib/db/generated/client';
import { Invalid } from '@/lib/errors';

export const teamNameSchema = z
  .string()
  .trim()
  .min(1, 'Give the team a name.')
  .max(80, 'Use at most 80 characters.')
  .refine((name) => !/[\u0000-\u001f\u007f]/.test(name), 'Use letters, digits and punctuation only.');

export async function createTeam(db: Database, actor: { userId: string }, input: unknown) {
  const parsed = z.object({ name: teamNameSchema }).safeParse(input);
  if (!parsed.success) {
    throw new Invalid('Please correct the highlighted fields', { name: parsed.error.issues[0]!.message });
  }
  return db.$transaction((tx) => insertOwnedTeam(tx, actor.userId, parsed.data.name));
}

/** Inside the caller's transaction: the team, its owner's membership and the `team.create` audit row. */
export async function insertOwnedTeam(tx: Prisma.TransactionClient, ownerId: string, name: string) {
  const team = await tx.team.create({
    data: { name, memberships: { create: { userId: ownerId, role: 'OWNER' } } },
    select: { id: true, name: true },
  });
  await recordAudit(tx, {
    action: 'team.create',
    teamId: team.id,
    actorId: ownerId,
    targetType: 'team',
    targetId: team.id,
  });
  return team;
}
