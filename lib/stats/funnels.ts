// Funnel conversion: of the visits that started in the range and pass the dashboard's filters, how
// many reached step 1, then step 2 after it, and so on, in order within the same visit. Counted in
// visitors (distinct visitor ids of those visits) and visits. One parameterised statement per funnel.
//
// Each step takes the visit's earliest matching event after the previous step's (by time, then id):
// the earliest match is never worse for later steps, so this finds every visit that completes them
// in order. Filters choose visits (an event-level filter such as page keeps the visits that contain
// a matching event); every event of a chosen visit may then be a step.
import type { Database } from '@/lib/db/client';
import { Prisma } from '@/lib/db/generated/client';
import type { FunnelDefinition, FunnelStep } from '@/lib/sites/funnels';
import { stepLabel } from '@/lib/sites/funnels';

import { andAll, goalMatchSql, visitFilterSql, type GoalDefinition } from './query/filters';
import { firstDate, type StatsSite } from './query/query-stats';
import { resolveRange, type ResolvedRange } from './query/range';
import { dateRangeSchema, filterSchema, type DateRange, type Filter } from './query/schema';

export interface FunnelStepResult {
  label: string;
  visitors: number;
  visits: number;
  /** Visitors of this step ÷ visitors of step 1 (1 for step 1; 0 when nobody entered). */
  conversionRate: number;
  /** Visitors lost since the previous step (0 for step 1). */
  dropOff: number;
  /** dropOff ÷ visitors of the previous step. */
  dropOffRate: number;
}

export interface FunnelResult {
  funnel: { id: string; name: string };
  range: ResolvedRange;
  steps: FunnelStepResult[];
}

function stepMatchSql(step: FunnelStep): Prisma.Sql {
  return goalMatchSql(
    step.kind === 'EVENT'
      ? { id: '', displayName: '', kind: 'EVENT', eventName: step.eventName, pathPattern: null }
      : { id: '', displayName: '', kind: 'PAGEVIEW', eventName: null, pathPattern: step.pathPattern },
  );
}

export async function queryFunnel(
  db: Database,
  site: StatsSite,
  funnel: FunnelDefinition,
  input: { dateRange: DateRange; filters: Filter[] },
  options: { now?: Date } = {},
): Promise<FunnelResult> {
  const dateRange = dateRangeSchema.parse(input.dateRange);
  const filters = filterSchema.array().max(20).parse(input.filters);
  const goals: GoalDefinition[] = filters.some((filter) => filter.dimension === 'goal')
    ? await db.goal.findMany({
        where: { siteId: site.id },
        select: { id: true, displayName: true, kind: true, eventName: true, pathPattern: true },
      })
    : [];
  const range = resolveRange(
    dateRange,
    site.timezone,
    options.now ?? new Date(),
    dateRange === 'all' ? await firstDate(db, site) : null,
  );
  const stepTables = funnel.steps.map((step, index) => {
    const name = Prisma.raw(`s${index + 1}`);
    const previous = index === 0 ? Prisma.raw('fv') : Prisma.raw(`s${index}`);
    const after =
      index === 0 ? Prisma.sql`e."timestamp" >= ${range.from}` : Prisma.sql`(e."timestamp", e.id) > (p.t, p.id)`;
    return Prisma.sql`${name} AS (
      SELECT DISTINCT ON (e."visitId") e."visitId", p."visitorId", e."timestamp" AS t, e.id
      FROM "Event" e JOIN ${previous} p ON p."visitId" = e."visitId"
      WHERE e."siteId" = ${site.id} AND ${after} AND ${stepMatchSql(step)}
      ORDER BY e."visitId", e."timestamp", e.id
    )`;
  });
  const counts = funnel.steps.map(
    (_, index) =>
      Prisma.sql`SELECT ${index + 1}::int AS step, count(DISTINCT "visitorId")::int AS visitors, count(*)::int AS visits
                 FROM ${Prisma.raw(`s${index + 1}`)}`,
  );
  const rows = await db.$queryRaw<{ step: number; visitors: number; visits: number }[]>`
    WITH fv AS (
      SELECT v.id AS "visitId", v."visitorId", NULL::timestamptz AS t, NULL::bigint AS id
      FROM "Visit" v
      WHERE v."siteId" = ${site.id} AND v."startedAt" >= ${range.from} AND v."startedAt" < ${range.to}
            ${andAll(visitFilterSql(filters, goals, { siteId: site.id, since: range.from, until: range.to }))}
    ),
    ${Prisma.join(stepTables, ',\n')}
    ${Prisma.join(counts, ' UNION ALL ')}
    ORDER BY step`;
  const entered = rows[0]?.visitors ?? 0;
  return {
    funnel: { id: funnel.id, name: funnel.name },
    range,
    steps: funnel.steps.map((step, index) => {
      const row = rows[index] ?? { visitors: 0, visits: 0 };
      const before = index === 0 ? row.visitors : (rows[index - 1]?.visitors ?? 0);
      const dropOff = index === 0 ? 0 : before - row.visitors;
      return {
        label: stepLabel(step),
        visitors: row.visitors,
        visits: row.visits,
        conversionRate: entered ? row.visitors / entered : 0,
        dropOff,
        dropOffRate: before ? dropOff / before : 0,
      };
    }),
  };
}
