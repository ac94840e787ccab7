// The SQL that answers a stats question from rollup rows plus the raw rows they do not cover. Each
// part gives the same columns as the raw aggregates (aggregates.ts); sums of them are the answer, as
// the plan (plan.ts) only ever adds rows whose visitors cannot overlap.
import { Prisma } from '@/lib/db/generated/client';

import {
  assembleEventParts,
  eventAggregateParts,
  goalAggregateSql,
  visitAggregateSql,
  type Scope,
} from '../query/aggregates';
import { isVisitDimension, type Dimension } from '../query/dimensions';
import type { GoalDefinition } from '../query/filters';
import type { RollupPlan } from './plan';

/** The dimension name rollup rows are stored under ("" for the site's totals). */
const TOTALS = '';

const SUMS = Prisma.sql`
  sum(visitors)::float8 AS visitors, sum(visits)::float8 AS visits, sum(pageviews)::float8 AS pageviews,
  sum(events)::float8 AS events, sum(revenue)::float8 AS revenue, sum(bounces)::float8 AS bounces,
  sum(entries)::float8 AS entries, sum("durationSeconds")::float8 AS "durationSeconds",
  sum("timeOnPageSum")::float8 AS "timeOnPageSum", sum("timeOnPageCount")::float8 AS "timeOnPageCount"`;

/**
 * The plan's rows of one dimension as (bucket, value, counts...). `value` maps the stored value `r.value`
 * (totals have none; goals are stored by id).
 */
function rollupRowsSql(siteId: string, plan: RollupPlan, dimension: string, value: Prisma.Sql): Prisma.Sql {
  const { selections } = plan;
  return Prisma.sql`
    SELECT p.bucket, ${value} AS value, r.visitors::float8 AS visitors, r.visits::float8 AS visits,
           r.pageviews::float8 AS pageviews, r.events::float8 AS events, r.revenue AS revenue,
           r.bounces::float8 AS bounces, r.entries::float8 AS entries, r."durationSeconds",
           r."timeOnPageSum", r."timeOnPageCount"::float8 AS "timeOnPageCount"
    FROM unnest(${selections.map((s) => s.day)}::date[], ${selections.map((s) => s.localDate)}::date[],
                ${selections.map((s) => s.bucket)}::text[]) AS p(day, local, bucket)
    JOIN "Rollup" r ON r."siteId" = ${siteId} AND r.dimension = ${dimension} AND r.day = p.day
                   AND r.whole = (p.local IS NULL) AND r."localDate" = coalesce(p.local, p.day)`;
}

/** Rollup rows and raw rows of the same shape, added up per bucket and value. */
function added(parts: Prisma.Sql[], withoutTimeOnPage = false): Prisma.Sql {
  const union = Prisma.join(
    parts.map((part) => Prisma.sql`(${part})`),
    ' UNION ALL ',
  );
  if (withoutTimeOnPage) {
    return Prisma.sql`
      SELECT bucket, value, sum(visitors)::float8 AS visitors, sum(visits)::float8 AS visits,
             sum(pageviews)::float8 AS pageviews, sum(events)::float8 AS events, sum(revenue)::float8 AS revenue
      FROM (${union}) u GROUP BY 1, 2`;
  }
  return Prisma.sql`SELECT bucket, value, ${SUMS} FROM (${union}) u GROUP BY 1, 2`;
}

/**
 * The aggregate for `dimension` over `scope`, whose `visitStarts` must be the plan's raw spans. Same
 * columns as the raw aggregates; unfiltered questions only (rollups hold no per-visit detail to filter).
 */
export function rolledUpAggregateSql(
  scope: Scope,
  plan: RollupPlan,
  dimension: Dimension | undefined,
  goals: GoalDefinition[],
  withRevenue: boolean,
): Prisma.Sql | null {
  const rows = (name: string, value = Prisma.sql`r.value`) => rollupRowsSql(scope.siteId, plan, name, value);
  if (dimension === 'goal') {
    const ready = goals.filter((goal) => goal.rollupsReady);
    const notReady = goals.filter((goal) => !goal.rollupsReady);
    const parts: Prisma.Sql[] = [];
    if (ready.length > 0) {
      // Goals are stored by id; rows answer with the display name.
      parts.push(
        Prisma.sql`
          SELECT r.bucket, g.name AS value, r.visitors, r.visits, r.pageviews, r.events, r.revenue,
                 NULL::float8 AS bounces, NULL::float8 AS entries, NULL::float8 AS "durationSeconds",
                 NULL::float8 AS "timeOnPageSum", NULL::float8 AS "timeOnPageCount"
          FROM (${rows('goal')}) r
          JOIN unnest(${ready.map((goal) => goal.id)}::text[], ${ready.map((goal) => goal.displayName)}::text[])
            AS g(id, name) ON g.id = r.value`,
        goalAggregateSql(scope, ready)!,
      );
    }
    // A goal created since the days were rolled up is counted from raw rows until the job catches up.
    if (notReady.length > 0) parts.push(goalAggregateSql({ ...scope, visitStarts: undefined }, notReady)!);
    return parts.length ? added(parts) : null;
  }
  if (dimension === undefined || isVisitDimension(dimension)) {
    const value = dimension ? Prisma.sql`r.value` : Prisma.sql`NULL::text`;
    return added([rows(dimension ?? TOTALS, value), visitAggregateSql(scope, dimension, withRevenue)]);
  }
  const raw = eventAggregateParts(scope, dimension);
  const pageRows = Prisma.sql`SELECT bucket, value, visitors, visits, pageviews, events, revenue FROM (${rows(dimension)}) r`;
  return assembleEventParts({
    rows: added([pageRows, raw.rows], true),
    entries:
      raw.entries &&
      Prisma.sql`
        SELECT value, sum(bounces)::float8 AS bounces, sum(entries)::float8 AS entries
        FROM (SELECT value, bounces, entries FROM (${rows('entry_page')}) r UNION ALL ${raw.entries}) u GROUP BY 1`,
    timeOnPage:
      raw.timeOnPage &&
      Prisma.sql`
        SELECT value, sum("timeOnPageSum")::float8 AS "timeOnPageSum", sum("timeOnPageCount")::float8 AS "timeOnPageCount"
        FROM (SELECT value, "timeOnPageSum", "timeOnPageCount" FROM (${rows(dimension)}) r
              UNION ALL ${raw.timeOnPage}) u GROUP BY 1`,
  });
}
