// Goals of a site: a custom event name or a pageview path pattern. Managed by owners and admins, or by
// an API token with sites:write (insertGoal/removeGoal, after the caller checked access).
import { z } from 'zod';

import { recordAudit } from '@/lib/audit/record-audit';
import type { Database } from '@/lib/db/client';
import { Prisma } from '@/lib/db/generated/client';
import { Conflict, Invalid, NotFound } from '@/lib/errors';
import { requirePermission } from '@/lib/teams/permissions';

import { auditedBy, type TeamActor } from './team-actor';
import { forgetGoalRollups } from '@/lib/stats/rollups/forget-rollups';

export const goalInputSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('EVENT'),
    eventName: z.string().trim().min(1, 'Enter the event name your site sends.').max(120),
  }),
  z.object({
    kind: z.literal('PAGEVIEW'),
    pathPattern: z
      .string()
      .trim()
      .regex(/^\/[^\s?#]*$/, 'A path starts with / and has no spaces, ? or #, e.g. /signup/** or /blog/*.')
      .max(500),
  }),
]);

function parse(input: unknown) {
  const parsed = goalInputSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  const fieldErrors = Object.fromEntries(parsed.error.issues.map((issue) => [String(issue.path[0]), issue.message]));
  throw new Invalid('Please correct the goal', fieldErrors);
}

async function siteOf(db: Database, siteId: string) {
  const site = await db.site.findUnique({ where: { id: siteId }, select: { id: true, teamId: true } });
  if (!site) throw new NotFound('Site not found');
  return site;
}

export type GoalInput = z.output<typeof goalInputSchema>;

export async function createGoal(db: Database, actor: { userId: string }, siteId: string, input: unknown) {
  const goal = parse(input);
  const site = await siteOf(db, siteId);
  await requirePermission(db, actor.userId, site.teamId, 'goals:manage');
  return insertGoal(db, { teamId: site.teamId, userId: actor.userId }, siteId, goal);
}

/** Adds a goal to a site of the actor's team (access already checked); NotFound for any other site. */
export async function insertGoal(db: Database, actor: TeamActor, siteId: string, goal: GoalInput) {
  const displayName = goal.kind === 'EVENT' ? goal.eventName : `Visit ${goal.pathPattern}`;
  try {
    return await db.$transaction(async (tx) => {
      const site = await tx.site.findFirst({ where: { id: siteId, teamId: actor.teamId }, select: { id: true } });
      if (!site) throw new NotFound('Site not found');
      const created = await tx.goal.create({
        data: {
          siteId,
          kind: goal.kind,
          eventName: goal.kind === 'EVENT' ? goal.eventName : null,
          pathPattern: goal.kind === 'PAGEVIEW' ? goal.pathPattern : null,
          displayName,
        },
        select: { id: true, displayName: true },
      });
      await recordAudit(tx, {
        ...auditedBy(actor, { siteId, displayName }),
        action: 'goal.create',
        targetType: 'goal',
        targetId: created.id,
      });
      return created;
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
      throw new Conflict(`The site already has a goal named “${displayName}”.`);
    }
    throw error;
  }
}

export async function deleteGoal(db: Database, actor: { userId: string }, siteId: string, goalId: string) {
  const site = await siteOf(db, siteId);
  await requirePermission(db, actor.userId, site.teamId, 'goals:manage');
  await removeGoal(db, { teamId: site.teamId, userId: actor.userId }, siteId, goalId);
}

/** Deletes a goal of a site of the actor's team (access already checked). */
export async function removeGoal(db: Database, actor: TeamActor, siteId: string, goalId: string) {
  await db.$transaction(async (tx) => {
    const { count } = await tx.goal.deleteMany({ where: { id: goalId, siteId, site: { teamId: actor.teamId } } });
    if (count === 0) throw new NotFound('Goal not found');
    await forgetGoalRollups(tx, siteId, goalId);
    await recordAudit(tx, {
      ...auditedBy(actor),
      action: 'goal.delete',
      targetType: 'goal',
      targetId: goalId,
    });
  });
}

export async function listGoals(db: Database, siteId: string) {
  return db.goal.findMany({
    where: { siteId },
    select: { id: true, kind: true, eventName: true, pathPattern: true, displayName: true },
    orderBy: { displayName: 'asc' },
  });
}
