// The SQL behind queryStats: one aggregate per row of the answer, over visits or over events.
// Raw sums come back as float8; ratios are computed from them in metrics.ts.
import { Prisma } from '@/lib/db/generated/client';

import { eventValueSql, visitValueSql } from './dimension-sql';
import { isVisitDimension, type Dimension } from './dimensions';
import { andAll, goalMatchSql, type GoalDefinition } from './filters';
import type { Granularity } from './schema';

export interface Scope {
  siteId: string;
  timezone: string;
  from: Date;
  to: Date;
  granularity: Granularity | undefined;
  visitConditions: Prisma.Sql[];
  eventConditions: Prisma.Sql[];
  /** True when event-level filters exist: pageviews then count only the matching events. */
  eventFiltered: boolean;
}

export interface RawRow {
  bucket: string | null;
  value: string | null;
  visitors: number;
  visits: number;
  pageviews: number;
  events: number;
  revenue: number;
  /** Visits with at most one pageview; for pages, visits that entered there. */
  bounces: number | null;
  /** The visits bounce rate is measured against (all visits, or those that entered on the page). */
  entries: number | null;
  durationSeconds: number | null;
  timeOnPageSeconds: number | null;
}

const BUCKET_FORMATS: Record<Granularity, string> = {
  minute: 'YYYY-MM-DD"T"HH24:MI',
  hour: 'YYYY-MM-DD"T"HH24:MI',
  day: 'YYYY-MM-DD',
  week: 'YYYY-MM-DD',
  month: 'YYYY-MM-DD',
};

export function bucketSql(column: Prisma.Sql, scope: Scope): Prisma.Sql {
  if (!scope.granularity) return Prisma.sql`NULL::text`;
  return Prisma.sql`to_char(date_trunc(${scope.granularity}::text, ${column} AT TIME ZONE ${scope.timezone}), ${BUCKET_FORMATS[scope.granularity]})`;
}

/** Visits that started in the range, grouped by a visit dimension (or not at all). */
export function visitAggregateSql(scope: Scope, dimension: Dimension | undefined, withRevenue: boolean): Prisma.Sql {
  const value = dimension && isVisitDimension(dimension) ? visitValueSql(dimension) : Prisma.sql`NULL::text`;
  const joinEvents = scope.eventFiltered || withRevenue;
  // Only the visit's own events from the range's start on: a visit belongs to the range it started in.
  const perVisit = Prisma.sql`
    LEFT JOIN (
      SELECT e."visitId", count(*) FILTER (WHERE e.name = 'pageview') AS pageviews, count(*) AS events,
             sum(e."revenueAmount") AS revenue
      FROM "Event" e
      WHERE e."siteId" = ${scope.siteId} AND e."timestamp" >= ${scope.from} ${andAll(scope.eventConditions)}
      GROUP BY 1
    ) a ON a."visitId" = v.id`;
  return Prisma.sql`
    SELECT ${bucketSql(Prisma.sql`v."startedAt"`, scope)} AS bucket, ${value} AS value,
           count(DISTINCT v."visitorId")::float8 AS visitors,
           count(*)::float8 AS visits,
           ${scope.eventFiltered ? Prisma.sql`coalesce(sum(a.pageviews), 0)` : Prisma.sql`sum(v.pageviews)`}::float8 AS pageviews,
           ${scope.eventFiltered ? Prisma.sql`coalesce(sum(a.events), 0)` : Prisma.sql`sum(v.events)`}::float8 AS events,
           ${joinEvents ? Prisma.sql`coalesce(sum(a.revenue), 0)` : Prisma.sql`0`}::float8 AS revenue,
           count(*) FILTER (WHERE v.pageviews <= 1)::float8 AS bounces,
           count(*)::float8 AS entries,
           coalesce(sum(extract(epoch FROM v."lastSeenAt" - v."startedAt")), 0)::float8 AS "durationSeconds",
           NULL::float8 AS "timeOnPageSeconds"
    FROM "Visit" v ${joinEvents ? perVisit : Prisma.empty}
    WHERE v."siteId" = ${scope.siteId} AND v."startedAt" >= ${scope.from} AND v."startedAt" < ${scope.to}
          ${andAll(scope.visitConditions)}
    ${dimension || scope.granularity ? Prisma.sql`GROUP BY 1, 2` : Prisma.empty}`;
}

/** Events in the range, grouped by an event dimension: page, hostname, event name or a property. */
export function eventAggregateSql(scope: Scope, dimension: Exclude<Dimension, 'goal'>): Prisma.Sql {
  const value = eventValueSql(dimension)!;
  const only =
    dimension === 'page'
      ? Prisma.sql`AND e.name = 'pageview'`
      : dimension.startsWith('prop:')
        ? Prisma.sql`AND e.props ? ${dimension.slice(5)}`
        : Prisma.empty;
  const perPage = dimension === 'page' && !scope.granularity;
  return Prisma.sql`
    WITH t AS (
      SELECT ${bucketSql(Prisma.sql`e."timestamp"`, scope)} AS bucket, ${value} AS value,
             count(DISTINCT e."visitorId")::float8 AS visitors,
             count(DISTINCT e."visitId")::float8 AS visits,
             count(*) FILTER (WHERE e.name = 'pageview')::float8 AS pageviews,
             count(*)::float8 AS events,
             coalesce(sum(e."revenueAmount"), 0)::float8 AS revenue
      FROM "Event" e
      WHERE e."siteId" = ${scope.siteId} AND e."timestamp" >= ${scope.from} AND e."timestamp" < ${scope.to}
            ${only} ${andAll(scope.eventConditions)}
      GROUP BY 1, 2
    )
    SELECT t.*,
           ${perPage ? Prisma.sql`b.bounces` : Prisma.sql`NULL::float8`} AS bounces,
           ${perPage ? Prisma.sql`b.entries` : Prisma.sql`NULL::float8`} AS entries,
           ${perPage ? Prisma.sql`top.seconds` : Prisma.sql`NULL::float8`} AS "timeOnPageSeconds",
           NULL::float8 AS "durationSeconds"
    FROM t ${perPage ? pageJoins(scope) : Prisma.empty}`;
}

/** Bounce rate of the visits that entered on each page, and the average time spent on it. */
function pageJoins(scope: Scope): Prisma.Sql {
  return Prisma.sql`
    LEFT JOIN (
      SELECT v."entryPath" AS value, count(*) FILTER (WHERE v.pageviews <= 1)::float8 AS bounces, count(*)::float8 AS entries
      FROM "Visit" v
      WHERE v."siteId" = ${scope.siteId} AND v."startedAt" >= ${scope.from} AND v."startedAt" < ${scope.to}
            ${andAll(scope.visitConditions)}
      GROUP BY 1
    ) b ON b.value = t.value
    LEFT JOIN (
      SELECT pathname AS value, avg(extract(epoch FROM next - "timestamp"))::float8 AS seconds
      FROM (
        SELECT e.pathname, e."timestamp",
               lead(e."timestamp") OVER (PARTITION BY e."visitId" ORDER BY e."timestamp", e.id) AS next
        FROM "Event" e
        WHERE e."siteId" = ${scope.siteId} AND e."timestamp" >= ${scope.from} AND e."timestamp" < ${scope.to}
              AND e.name = 'pageview' ${andAll(scope.eventConditions)}
      ) pages
      WHERE next IS NOT NULL
      GROUP BY 1
    ) top ON top.value = t.value`;
}

/** One row per goal: the visitors and events that reached it. */
export function goalAggregateSql(scope: Scope, goals: GoalDefinition[]): Prisma.Sql | null {
  if (goals.length === 0) return null;
  const parts = goals.map(
    (goal) => Prisma.sql`
      SELECT ${bucketSql(Prisma.sql`e."timestamp"`, scope)} AS bucket, ${goal.displayName}::text AS value,
             count(DISTINCT e."visitorId")::float8 AS visitors, count(DISTINCT e."visitId")::float8 AS visits,
             count(*) FILTER (WHERE e.name = 'pageview')::float8 AS pageviews, count(*)::float8 AS events,
             coalesce(sum(e."revenueAmount"), 0)::float8 AS revenue,
             NULL::float8 AS bounces, NULL::float8 AS entries, NULL::float8 AS "durationSeconds",
             NULL::float8 AS "timeOnPageSeconds"
      FROM "Event" e
      WHERE e."siteId" = ${scope.siteId} AND e."timestamp" >= ${scope.from} AND e."timestamp" < ${scope.to}
            AND ${goalMatchSql(goal)} ${andAll(scope.eventConditions)}
      GROUP BY 1, 2`,
  );
  return Prisma.join(parts, ' UNION ALL ');
}
