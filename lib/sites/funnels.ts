// Funnels of a site: 2–8 ordered steps, each a page (path pattern) or a custom event. Managed like
// goals (owners and admins), audit-logged. lib/stats/funnels.ts counts them.
import { z } from 'zod';

import { recordAudit } from '@/lib/audit/record-audit';
import { planFor } from '@/lib/billing/plans';
import type { Database } from '@/lib/db/client';
import { Prisma } from '@/lib/db/generated/client';
import { Conflict, Forbidden, Invalid, NotFound } from '@/lib/errors';
import { requirePermission } from '@/lib/teams/permissions';

export const MIN_FUNNEL_STEPS = 2;
export const MAX_FUNNEL_STEPS = 8;

export const funnelStepSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('PAGEVIEW'),
    pathPattern: z
      .string()
      .max(500)
      .regex(/^\/[^\s?#]*$/, 'A page step starts with / and has no spaces, ? or #, e.g. /pricing or /blog/**.'),
  }),
  z.object({ kind: z.literal('EVENT'), eventName: z.string().min(1).max(120) }),
]);
export type FunnelStep = z.infer<typeof funnelStepSchema>;

const stepsSchema = z
  .array(funnelStepSchema)
  .min(MIN_FUNNEL_STEPS, `A funnel has at least ${MIN_FUNNEL_STEPS} steps.`)
  .max(MAX_FUNNEL_STEPS, `A funnel has at most ${MAX_FUNNEL_STEPS} steps.`);

/** One step per line: a line starting with / is a page (pattern), anything else a custom event name. */
export function parseStepLines(text: string): FunnelStep[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) =>
      line.startsWith('/') ? { kind: 'PAGEVIEW', pathPattern: line } : { kind: 'EVENT', eventName: line },
    );
}

export const funnelInputSchema = z.object({
  name: z.string().trim().min(1, 'Give the funnel a name, e.g. “Signup”.').max(80, 'At most 80 characters.'),
  steps: z.union([z.string().transform(parseStepLines), z.array(z.unknown())]).pipe(stepsSchema),
});

export function stepLabel(step: FunnelStep): string {
  return step.kind === 'PAGEVIEW' ? `Visit ${step.pathPattern}` : step.eventName;
}

export interface FunnelDefinition {
  id: string;
  name: string;
  steps: FunnelStep[];
}

async function siteOf(db: Database, actor: { userId: string }, siteId: string) {
  const site = await db.site.findUnique({ where: { id: siteId }, select: { id: true, teamId: true } });
  if (!site) throw new NotFound('Site not found');
  await requirePermission(db, actor.userId, site.teamId, 'goals:manage');
  return site;
}

export async function createFunnel(db: Database, actor: { userId: string }, siteId: string, input: unknown) {
  const parsed = funnelInputSchema.safeParse(input);
  if (!parsed.success) {
    const fieldErrors: Record<string, string> = {};
    for (const issue of parsed.error.issues) fieldErrors[String(issue.path[0])] ??= issue.message;
    throw new Invalid('Please correct the funnel', fieldErrors);
  }
  const site = await siteOf(db, actor, siteId);
  // Funnels are a plan feature (lib/billing/plans.ts; the pricing page and docs say which plans).
  const subscription = await db.subscription.findUnique({ where: { teamId: site.teamId }, select: { plan: true } });
  const plan = planFor(subscription?.plan);
  if (!plan.features.funnels) {
    throw new Forbidden(`Funnels are not part of the ${plan.name} plan. Upgrade to add one.`);
  }
  const { name, steps } = parsed.data;
  try {
    return await db.$transaction(async (tx) => {
      const funnel = await tx.funnel.create({
        data: { siteId: site.id, name, steps },
        select: { id: true, name: true },
      });
      await recordAudit(tx, {
        teamId: site.teamId,
        actorId: actor.userId,
        action: 'funnel.create',
        targetType: 'funnel',
        targetId: funnel.id,
        metadata: { siteId: site.id, name, steps: steps.map(stepLabel) },
      });
      return funnel;
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
      throw new Conflict(`The site already has a funnel named “${name}”.`);
    }
    throw error;
  }
}

export async function deleteFunnel(db: Database, actor: { userId: string }, siteId: string, funnelId: string) {
  const site = await siteOf(db, actor, siteId);
  await db.$transaction(async (tx) => {
    const { count } = await tx.funnel.deleteMany({ where: { id: funnelId, siteId: site.id } });
    if (count === 0) throw new NotFound('Funnel not found');
    await recordAudit(tx, {
      teamId: site.teamId,
      actorId: actor.userId,
      action: 'funnel.delete',
      targetType: 'funnel',
      targetId: funnelId,
      metadata: { siteId: site.id },
    });
  });
}

/** The site's funnels (callers have checked access to the site); stored steps are validated again. */
export async function listFunnels(db: Database, siteId: string): Promise<FunnelDefinition[]> {
  const rows = await db.funnel.findMany({
    where: { siteId },
    select: { id: true, name: true, steps: true },
    orderBy: { name: 'asc' },
  });
  return rows.flatMap((row) => {
    const steps = stepsSchema.safeParse(row.steps);
    return steps.success ? [{ id: row.id, name: row.name, steps: steps.data }] : [];
  });
}
