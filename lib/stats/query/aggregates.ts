// The SQL behind queryStats: one aggregate per row of the answer, over visits or over events.
// Raw sums come back as float8; ratios are computed from them in metrics.ts.
import { Prisma } from '@/lib/db/generated/client';

import { DAY_SPAN_MS } from '../rollups/plan';
import { eventValueSql, visitValueSql } from './dimension-sql';
import { isVisitDimension, type Dimension } from './dimensions';
import { andAll, goalMatchSql, type GoalDefinition } from './filters';
import type { Granularity } from './schema';

const DAY_MS = 86_400_000;

export interface TimeSpan {
  from: Date;
  to: Date;
  /**
   * Only the visits of the span still open at this instant (their last event came at or after it): the
   * span's day is rolled up in part, with the visits closed before it (lib/stats/rollups/plan.ts).
   */
  closedBefore?: Date;
}

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
  /**
   * Only the visits that started within these spans, and their events: the part of a range that rollups
   * do not cover (lib/stats/rollups). Every visit when absent.
   */
  visitStarts?: TimeSpan[];
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
  /** Average seconds to the next pageview of the visit (pages only): the two columns below, divided. */
  timeOnPageSeconds: number | null;
}

/** The columns every aggregate answers with: RawRow's, with time on page as a sum and a count to add up. */
export type AggregateRow = Omit<RawRow, 'timeOnPageSeconds'> & {
  timeOnPageSum: number | null;
  timeOnPageCount: number | null;
};

const BUCKET_FORMATS: Record<Granularity, string> = {
  minute: 'YYYY-MM-DD"T"HH24:MI',
  hour: 'YYYY-MM-DD"T"HH24:MI',
  day: 'YYYY-MM-DD',
  week: 'YYYY-MM-DD',
  month: 'YYYY-MM-DD',
};

/** The first and last instants of the scope's spans (null without spans): bounds an index can use. */
function spansBounds(scope: Scope): TimeSpan | null {
  const spans = scope.visitStarts;
  if (!spans?.length) return null;
  return {
    from: new Date(Math.min(...spans.map((span) => span.from.getTime()))),
    to: new Date(Math.max(...spans.map((span) => span.to.getTime()))),
  };
}

/** A visit row `alias` started within the span (and, for a day rolled up in part, still open at its instant). */
function withinSpanSql(span: TimeSpan, alias: string): Prisma.Sql {
  const v = Prisma.raw(alias);
  return Prisma.sql`(${v}."startedAt" >= ${span.from} AND ${v}."startedAt" < ${span.to}
    ${span.closedBefore ? Prisma.sql`AND ${v}."lastSeenAt" >= ${span.closedBefore}` : Prisma.empty})`;
}

/** Visit rows `v` that started within the scope's spans (nothing to add without spans). */
function startedWithinSql(scope: Scope): Prisma.Sql {
  if (!scope.visitStarts) return Prisma.empty;
  const bounds = spansBounds(scope);
  if (!bounds) return Prisma.sql`AND false`;
  const spans = scope.visitStarts.map((span) => withinSpanSql(span, 'v'));
  return Prisma.sql`AND v."startedAt" >= ${bounds.from} AND v."startedAt" < ${bounds.to}
                    AND (${Prisma.join(spans, ' OR ')})`;
}

/**
 * Event rows `e` of visits that started within the scope's spans. Such events happen from the first
 * span's start to DAY_SPAN_MS after the last one's day: that bound keeps the scan to those days.
 */
function ofVisitsStartedWithinSql(scope: Scope): Prisma.Sql {
  if (!scope.visitStarts) return Prisma.empty;
  const bounds = spansBounds(scope);
  if (!bounds) return Prisma.sql`AND false`;
  const [span] = scope.visitStarts;
  if (span && scope.visitStarts.length === 1 && bounds.to >= scope.to) {
    // The usual case, "today": the range's events from the span's start on, except those of the few
    // visits that began before it and went on past it. A scan in time order, no lookup per visit.
    // Those visits show in the first DAY_SPAN_MS - DAY_MS after the span starts, and only there.
    const tailEnd = new Date(bounds.from.getTime() + DAY_SPAN_MS - DAY_MS);
    // Today rolled up in part: every event from its instant on is of a visit still open then (a closed
    // visit's events all came before it); before it, only the few visits that went on past it, whose
    // earliest start bounds the scan.
    const longOpen = Prisma.sql`FROM "Visit" v WHERE v."siteId" = ${scope.siteId} AND v."startedAt" >= ${span.from}
      AND v."startedAt" < ${span.closedBefore} AND v."lastSeenAt" >= ${span.closedBefore}`;
    const open = span.closedBefore
      ? Prisma.sql`AND e."timestamp" >= (SELECT coalesce(min(v."startedAt"), ${span.closedBefore}) ${longOpen})
          AND (e."timestamp" >= ${span.closedBefore} OR e."visitId" IN (SELECT v.id ${longOpen}))`
      : Prisma.empty;
    return Prisma.sql`AND e."timestamp" >= ${bounds.from} AND (e."timestamp" >= ${tailEnd} OR NOT EXISTS (
      SELECT 1 FROM "Visit" v WHERE v.id = e."visitId" AND v."startedAt" < ${bounds.from})) ${open}`;
  }
  const last = new Date(bounds.to.getTime() - DAY_MS + DAY_SPAN_MS);
  return Prisma.sql`AND e."timestamp" >= ${bounds.from} AND e."timestamp" < ${last}
    AND e."visitId" IN (SELECT v.id FROM "Visit" v WHERE v."siteId" = ${scope.siteId} ${startedWithinSql(scope)})`;
}

/**
 * Visit rows `c` that the rollup rows of the scope's days rolled up in part count: closed before their
 * day's instant. Null when no day of the scope is rolled up in part.
 */
function closedVisitsSql(scope: Scope): Prisma.Sql | null {
  const partial = scope.visitStarts?.filter((span) => span.closedBefore) ?? [];
  if (partial.length === 0) return null;
  const spans = partial.map(
    (span) =>
      Prisma.sql`(c."startedAt" >= ${span.from} AND c."startedAt" < ${span.to} AND c."lastSeenAt" < ${span.closedBefore})`,
  );
  return Prisma.sql`c."siteId" = ${scope.siteId} AND (${Prisma.join(spans, ' OR ')})`;
}

/**
 * Distinct visitors of the raw rows, leaving out those the rollup rows of a day rolled up in part
 * already counted in the same bucket and value: someone whose earlier visit that day is closed
 * (`counted` finds such a visit `c`). Most visitors have no closed visit at all: one lookup in the set
 * of those who do settles them.
 */
function visitorsSql(visitor: Prisma.Sql, scope: Scope, counted: Prisma.Sql | null): Prisma.Sql {
  const closed = closedVisitsSql(scope);
  if (!counted || !closed) return Prisma.sql`count(DISTINCT ${visitor})::float8`;
  return Prisma.sql`count(DISTINCT ${visitor}) FILTER (
    WHERE ${visitor} NOT IN (SELECT c."visitorId" FROM "Visit" c WHERE ${closed}) OR NOT EXISTS (${counted}))::float8`;
}

/**
 * For an event breakdown's raw row `x`: a closed visit `c` of the same visitor, counted in the rollup
 * rows, with an event `e` in the range, in x's bucket and matching `match` (x's value). Null without
 * days rolled up in part.
 */
function countedByEventSql(scope: Scope, match: Prisma.Sql): Prisma.Sql | null {
  const closed = closedVisitsSql(scope);
  if (!closed) return null;
  return Prisma.sql`
    SELECT 1 FROM "Visit" c JOIN "Event" e ON e."visitId" = c.id
    WHERE ${closed} AND c."visitorId" = x."visitorId" AND e."siteId" = ${scope.siteId}
          AND e."timestamp" >= ${scope.from} AND e."timestamp" < ${scope.to} AND ${match}
          ${scope.granularity ? Prisma.sql`AND ${bucketSql(Prisma.sql`e."timestamp"`, scope)} = x.bucket` : Prisma.empty}`;
}

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
      WHERE e."siteId" = ${scope.siteId} AND e."timestamp" >= ${scope.from}
            AND e."timestamp" < ${new Date(scope.to.getTime() + DAY_SPAN_MS)} ${andAll(scope.eventConditions)}
      GROUP BY 1
    ) a ON a."visitId" = v.id`;
  const closed = closedVisitsSql(scope);
  const counted =
    closed &&
    Prisma.sql`
      SELECT 1 FROM "Visit" c
      WHERE ${closed} AND c."visitorId" = v."visitorId" AND c."startedAt" >= ${scope.from} AND c."startedAt" < ${scope.to}
            ${dimension && isVisitDimension(dimension) ? Prisma.sql`AND ${visitValueSql(dimension, 'c')} = ${value}` : Prisma.empty}
            ${scope.granularity ? Prisma.sql`AND ${bucketSql(Prisma.sql`c."startedAt"`, scope)} = ${bucketSql(Prisma.sql`v."startedAt"`, scope)}` : Prisma.empty}`;
  return Prisma.sql`
    SELECT ${bucketSql(Prisma.sql`v."startedAt"`, scope)} AS bucket, ${value} AS value,
           ${visitorsSql(Prisma.sql`v."visitorId"`, scope, counted)} AS visitors,
           count(*)::float8 AS visits,
           ${scope.eventFiltered ? Prisma.sql`coalesce(sum(a.pageviews), 0)` : Prisma.sql`sum(v.pageviews)`}::float8 AS pageviews,
           ${scope.eventFiltered ? Prisma.sql`coalesce(sum(a.events), 0)` : Prisma.sql`sum(v.events)`}::float8 AS events,
           ${joinEvents ? Prisma.sql`coalesce(sum(a.revenue), 0)` : Prisma.sql`0`}::float8 AS revenue,
           count(*) FILTER (WHERE v.pageviews <= 1)::float8 AS bounces,
           count(*)::float8 AS entries,
           coalesce(sum(extract(epoch FROM v."lastSeenAt" - v."startedAt")), 0)::float8 AS "durationSeconds",
           NULL::float8 AS "timeOnPageSum", NULL::float8 AS "timeOnPageCount"
    FROM "Visit" v ${joinEvents ? perVisit : Prisma.empty}
    WHERE v."siteId" = ${scope.siteId} AND v."startedAt" >= ${scope.from} AND v."startedAt" < ${scope.to}
          ${startedWithinSql(scope)} ${andAll(scope.visitConditions)}
    ${dimension || scope.granularity ? Prisma.sql`GROUP BY 1, 2` : Prisma.empty}`;
}

/**
 * The two parts of an event breakdown: rows per value (`rows`, with time on page for pages without
 * buckets), and for pages without buckets the visits that entered on each page (`entries`).
 */
export interface EventParts {
  rows: Prisma.Sql;
  entries: Prisma.Sql | null;
}

/** Events in the range, grouped by an event dimension: page, hostname, event name or a property. */
export function eventAggregateParts(scope: Scope, dimension: Exclude<Dimension, 'goal'>): EventParts {
  const value = eventValueSql(dimension)!;
  const only =
    dimension === 'page'
      ? Prisma.sql`AND e.name = 'pageview'`
      : dimension.startsWith('prop:')
        ? Prisma.sql`AND e.props ? ${dimension.slice(5)}`
        : Prisma.empty;
  const perPage = dimension === 'page' && !scope.granularity;
  // Time on a page: until the visit's next pageview within the range (only pageviews are read here).
  const next = perPage
    ? Prisma.sql`lead(e."timestamp") OVER (PARTITION BY e."visitId" ORDER BY e."timestamp", e.id)`
    : Prisma.sql`NULL::timestamptz`;
  const counted = countedByEventSql(scope, Prisma.sql`${value} = x.value ${only}`);
  // Only the columns the counts need leave the scan: the sorts below then stay in memory.
  const rows = Prisma.sql`
    SELECT x.bucket, x.value,
           ${visitorsSql(Prisma.sql`x."visitorId"`, scope, counted)} AS visitors,
           count(DISTINCT x."visitId")::float8 AS visits,
           count(*) FILTER (WHERE x.name = 'pageview')::float8 AS pageviews,
           count(*)::float8 AS events,
           coalesce(sum(x."revenueAmount"), 0)::float8 AS revenue,
           ${perPage ? Prisma.sql`coalesce(sum(extract(epoch FROM x.next - x."timestamp")), 0)::float8` : Prisma.sql`NULL::float8`} AS "timeOnPageSum",
           ${perPage ? Prisma.sql`count(x.next)::float8` : Prisma.sql`NULL::float8`} AS "timeOnPageCount"
    FROM (
      SELECT ${bucketSql(Prisma.sql`e."timestamp"`, scope)} AS bucket, ${value} AS value, e."visitorId", e."visitId",
             e.name, e."revenueAmount", e."timestamp", ${next} AS next
      FROM "Event" e
      WHERE e."siteId" = ${scope.siteId} AND e."timestamp" >= ${scope.from} AND e."timestamp" < ${scope.to}
            ${only} ${andAll(scope.eventConditions)} ${ofVisitsStartedWithinSql(scope)}
    ) x
    GROUP BY 1, 2`;
  if (!perPage) return { rows, entries: null };
  return {
    rows,
    // Bounce rate of the visits that entered on each page.
    entries: Prisma.sql`
      SELECT v."entryPath" AS value, count(*) FILTER (WHERE v.pageviews <= 1)::float8 AS bounces, count(*)::float8 AS entries
      FROM "Visit" v
      WHERE v."siteId" = ${scope.siteId} AND v."startedAt" >= ${scope.from} AND v."startedAt" < ${scope.to}
            ${startedWithinSql(scope)} ${andAll(scope.visitConditions)}
      GROUP BY 1`,
  };
}

/** An event breakdown's rows, with the entry figures of pages joined by value. */
export function assembleEventParts({ rows, entries }: EventParts): Prisma.Sql {
  if (!entries) {
    return Prisma.sql`
      SELECT t.*, NULL::float8 AS bounces, NULL::float8 AS entries, NULL::float8 AS "durationSeconds"
      FROM (${rows}) t`;
  }
  return Prisma.sql`
    SELECT t.*, b.bounces, b.entries, NULL::float8 AS "durationSeconds"
    FROM (${rows}) t LEFT JOIN (${entries}) b ON b.value = t.value`;
}

export function eventAggregateSql(scope: Scope, dimension: Exclude<Dimension, 'goal'>): Prisma.Sql {
  return assembleEventParts(eventAggregateParts(scope, dimension));
}

/** One row per goal: the visitors and events that reached it, in one pass over the range's events. */
export function goalAggregateSql(scope: Scope, goals: GoalDefinition[]): Prisma.Sql | null {
  if (goals.length === 0) return null;
  const reached = goals.map((goal) => Prisma.sql`SELECT ${goal.displayName}::text WHERE ${goalMatchSql(goal)}`);
  const any = Prisma.join(goals.map(goalMatchSql), ' OR ');
  const sameGoal = goals.map((goal) => Prisma.sql`(x.value = ${goal.displayName} AND ${goalMatchSql(goal)})`);
  const counted = countedByEventSql(scope, Prisma.sql`(${Prisma.join(sameGoal, ' OR ')})`);
  return Prisma.sql`
    SELECT x.bucket, x.value,
           ${visitorsSql(Prisma.sql`x."visitorId"`, scope, counted)} AS visitors, count(DISTINCT x."visitId")::float8 AS visits,
           count(*) FILTER (WHERE x.name = 'pageview')::float8 AS pageviews, count(*)::float8 AS events,
           coalesce(sum(x."revenueAmount"), 0)::float8 AS revenue,
           NULL::float8 AS bounces, NULL::float8 AS entries, NULL::float8 AS "durationSeconds",
           NULL::float8 AS "timeOnPageSum", NULL::float8 AS "timeOnPageCount"
    FROM (
      SELECT ${bucketSql(Prisma.sql`e."timestamp"`, scope)} AS bucket, g.value, e."visitorId", e."visitId", e.name,
             e."revenueAmount"
      FROM "Event" e
      CROSS JOIN LATERAL (${Prisma.join(reached, ' UNION ALL ')}) AS g(value)
      WHERE e."siteId" = ${scope.siteId} AND e."timestamp" >= ${scope.from} AND e."timestamp" < ${scope.to}
            AND (${any}) ${andAll(scope.eventConditions)} ${ofVisitsStartedWithinSql(scope)}
    ) x
    GROUP BY 1, 2`;
}
