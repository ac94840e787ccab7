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

const ALL_COLUMNS = [
  'visitors',
  'visits',
  'pageviews',
  'events',
  'revenue',
  'bounces',
  'entries',
  'durationSeconds',
  'timeOnPageSum',
  'timeOnPageCount',
];
/** The columns of an event breakdown's rows (eventAggregateParts). */
const EVENT_COLUMNS = ['visitors', 'visits', 'pageviews', 'events', 'revenue', 'timeOnPageSum', 'timeOnPageCount'];

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
                ${selections.map((s) => s.bucket)}::text[],
                ${selections.map((s) => s.closedBefore?.toISOString() ?? null)}::timestamptz[]) AS p(day, local, bucket, build)
    JOIN "Rollup" r ON r."siteId" = ${siteId} AND r.dimension = ${dimension} AND r.day = p.day
                   AND r.whole = (p.local IS NULL) AND r."localDate" = coalesce(p.local, p.day)
                   AND r."closedBefore" IS NOT DISTINCT FROM p.build`;
}

/** Rollup rows and raw rows with the same `columns`, added up per bucket and value. */
function added(parts: Prisma.Sql[], columns = ALL_COLUMNS): Prisma.Sql {
  const union = Prisma.join(
    parts.map((part) => Prisma.sql`(${part})`),
    ' UNION ALL ',
  );
  const sums = columns.map((column) => Prisma.raw(`sum("${column}")::float8 AS "${column}"`));
  return Prisma.sql`SELECT bucket, value, ${Prisma.join(sums)} FROM (${union}) u GROUP BY 1, 2`;
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
  // Time on page is kept for the pages of a whole range only, as the raw rows have it.
  const timeOnPage = raw.entries
    ? Prisma.sql`r."timeOnPageSum", r."timeOnPageCount"`
    : Prisma.sql`NULL::float8 AS "timeOnPageSum", NULL::float8 AS "timeOnPageCount"`;
  const eventRows = Prisma.sql`
    SELECT r.bucket, r.value, r.visitors, r.visits, r.pageviews, r.events, r.revenue, ${timeOnPage}
    FROM (${rows(dimension)}) r`;
  return assembleEventParts({
    rows: added([eventRows, raw.rows], EVENT_COLUMNS),
    entries:
      raw.entries &&
      Prisma.sql`
        SELECT value, sum(bounces)::float8 AS bounces, sum(entries)::float8 AS entries
        FROM (SELECT value, bounces, entries FROM (${rows('entry_page')}) r UNION ALL ${raw.entries}) u GROUP BY 1`,
  });
}
