// Filters as SQL conditions, for visit rows (v) and for event rows (e). Every value is a parameter.
//
// Semantics: a visit-level filter (source, country, entry page...) keeps the visits with that value and
// the events of such visits. An event-level filter (page, event name, property, goal) keeps the events
// that match it and the visits that contain at least one such event ("is not": that contain none).
import { pathPatternRegex } from '@/lib/ingest/page-url';
import { Prisma } from '@/lib/db/generated/client';

import { DAY_SPAN_MS } from '../rollups/plan';
import { eventValueSql, visitValueSql } from './dimension-sql';
import { isVisitDimension } from './dimensions';
import type { Filter } from './schema';

export interface GoalDefinition {
  id: string;
  displayName: string;
  kind: 'PAGEVIEW' | 'EVENT';
  eventName: string | null;
  pathPattern: string | null;
  /** Whether rollups hold the goal's counts (lib/stats/rollups); raw rows answer for it otherwise. */
  rollupsReady?: boolean;
}

const positive = (filter: Filter) => filter.operator === 'is' || filter.operator === 'contains';

function likePatterns(values: string[]): string[] {
  return values.map((value) => `%${value.replace(/[\\%_]/g, '\\$&')}%`);
}

/** `value` matches any of the filter's values (ignoring the operator's negation). */
function matchAny(value: Prisma.Sql, filter: Filter): Prisma.Sql {
  return filter.operator === 'is' || filter.operator === 'is_not'
    ? Prisma.sql`${value} = ANY(${filter.values}::text[])`
    : Prisma.sql`${value} ILIKE ANY(${likePatterns(filter.values)}::text[])`;
}

/** An event `e` reaching one of the goals. */
export function goalMatchSql(goal: GoalDefinition): Prisma.Sql {
  if (goal.kind === 'EVENT') return Prisma.sql`e.name = ${goal.eventName ?? ''}`;
  const pattern = goal.pathPattern ?? '';
  // A pattern without wildcards is one path: equality is much cheaper than a regular expression.
  if (!pattern.includes('*')) return Prisma.sql`(e.name = 'pageview' AND e.pathname = ${pattern})`;
  return Prisma.sql`(e.name = 'pageview' AND e.pathname ~ ${pathPatternRegex(pattern)})`;
}

/** The goals a goal filter selects by name (is / contains), or reaching none of them when there are none. */
function anyGoalSql(filter: Filter, goals: GoalDefinition[]): Prisma.Sql {
  const lowered = filter.values.map((value) => value.toLowerCase());
  const chosen = goals.filter((goal) =>
    filter.operator === 'is' || filter.operator === 'is_not'
      ? filter.values.includes(goal.displayName)
      : lowered.some((value) => goal.displayName.toLowerCase().includes(value)),
  );
  if (chosen.length === 0) return Prisma.sql`false`;
  return Prisma.sql`(${Prisma.join(chosen.map(goalMatchSql), ' OR ')})`;
}

/** An event `e` matching a filter, read positively ("is" and "is not" both give "is"). */
function eventMatchSql(filter: Filter, goals: GoalDefinition[]): Prisma.Sql {
  if (filter.dimension === 'goal') return anyGoalSql(filter, goals);
  const value = eventValueSql(filter.dimension as Exclude<Filter['dimension'], 'goal'>);
  if (value) return matchAny(value, filter);
  // Entry and exit page live only on the visit.
  const visitValue = visitValueSql(filter.dimension as Parameters<typeof visitValueSql>[0]);
  return Prisma.sql`e."visitId" IN (SELECT v.id FROM "Visit" v WHERE v."siteId" = e."siteId" AND ${matchAny(visitValue, filter)})`;
}

/**
 * Conditions on visit rows `v` of one site that started in [`since`, `until`). An event-level filter
 * looks for the visit's events among the site's events from `since` to DAY_SPAN_MS after `until` (a
 * visit's events are never older than the visit, and end within that span of its start): without
 * those bounds PostgreSQL scans the whole event table to match them.
 */
export function visitFilterSql(
  filters: Filter[],
  goals: GoalDefinition[],
  bounds: { siteId: string; since: Date; until: Date },
): Prisma.Sql[] {
  return filters.map((filter) => {
    if (isVisitDimension(filter.dimension)) {
      const match = matchAny(visitValueSql(filter.dimension), filter);
      return positive(filter) ? match : Prisma.sql`NOT (${match})`;
    }
    const exists = Prisma.sql`EXISTS (
      SELECT 1 FROM "Event" e
      WHERE e."visitId" = v.id AND e."siteId" = ${bounds.siteId} AND e."timestamp" >= ${bounds.since}
        AND e."timestamp" < ${new Date(bounds.until.getTime() + DAY_SPAN_MS)}
        AND ${eventMatchSql(filter, goals)})`;
    return positive(filter) ? exists : Prisma.sql`NOT ${exists}`;
  });
}

/** Conditions on event rows `e`. */
export function eventFilterSql(filters: Filter[], goals: GoalDefinition[]): Prisma.Sql[] {
  return filters.map((filter) => {
    const match = eventMatchSql(filter, goals);
    return positive(filter) ? match : Prisma.sql`NOT (${match})`;
  });
}

export function hasEventLevelFilter(filters: Filter[]): boolean {
  return filters.some((filter) => !isVisitDimension(filter.dimension));
}

export function andAll(conditions: Prisma.Sql[]): Prisma.Sql {
  return conditions.length ? Prisma.sql`AND ${Prisma.join(conditions, ' AND ')}` : Prisma.empty;
}
