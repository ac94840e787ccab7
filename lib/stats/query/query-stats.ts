// queryStats: validated question in, rows of numbers out. The only way anything reads statistics.
import type { Database } from '@/lib/db/client';
import { Prisma } from '@/lib/db/generated/client';
import { Invalid } from '@/lib/errors';

import { loadRollupPlan, rollupsCanAnswer } from '../rollups/load-plan';
import { rolledUpAggregateSql } from '../rollups/rollup-sql';

import { eventAggregateSql, goalAggregateSql, visitAggregateSql, type RawRow, type Scope } from './aggregates';
import { isVisitDimension, type Dimension } from './dimensions';
import { eventFilterSql, hasEventLevelFilter, visitFilterSql, type GoalDefinition } from './filters';
import { metricsOf, orderSql, type MetricValues } from './metrics';
import { localDate, resolveRange, type ResolvedRange } from './range';
import { statsQuerySchema, type Filter, type Granularity, type StatsQuery, type StatsQueryInput } from './schema';

export interface StatsSite {
  id: string;
  timezone: string;
}

export interface StatsRow {
  /** The bucket's start in the site's zone (YYYY-MM-DD, or YYYY-MM-DDTHH:MM), when a granularity was asked. */
  bucket: string | null;
  /** The breakdown value, when a dimension was asked. */
  value: string | null;
  metrics: MetricValues;
}

export interface StatsResult {
  query: StatsQuery;
  range: ResolvedRange;
  /** The bucket size used, `auto` resolved; null without a granularity. */
  granularity: Granularity | null;
  rows: StatsRow[];
  /** Rows before pagination. */
  totalRows: number;
  /** The same question for the previous period, when `compare` was asked (buckets of that period). */
  comparison: StatsRow[] | null;
}

const MAX_BUCKETS = 5_000;
const BUCKET_MS = { minute: 60_000, hour: 3_600_000, day: 86_400_000, week: 7 * 86_400_000, month: 28 * 86_400_000 };

export function parseStatsQuery(input: unknown): StatsQuery {
  const parsed = statsQuerySchema.safeParse(input);
  if (parsed.success) return parsed.data;
  const fieldErrors = Object.fromEntries(parsed.error.issues.map((issue) => [issue.path.join('.'), issue.message]));
  throw new Invalid(`Invalid stats query: ${parsed.error.issues.map((issue) => issue.message).join(' ')}`, fieldErrors);
}

export async function queryStats(
  db: Database,
  site: StatsSite,
  input: StatsQueryInput,
  options: {
    now?: Date;
    bounds?: { from: Date; to: Date };
    /** false reads raw rows only (the rollups' own tests compare the two). */
    rollups?: boolean;
  } = {},
): Promise<StatsResult> {
  const query = parseStatsQuery(input);
  const now = options.now ?? new Date();
  const dimension = query.dimensions[0];
  const usesGoals = dimension === 'goal' || query.filters.some((filter) => filter.dimension === 'goal');
  const goals: GoalDefinition[] = usesGoals
    ? await db.goal.findMany({
        where: { siteId: site.id },
        select: { id: true, displayName: true, kind: true, eventName: true, pathPattern: true, rollupsReady: true },
        orderBy: { displayName: 'asc' },
      })
    : [];
  const resolved = resolveRange(
    query.dateRange,
    site.timezone,
    now,
    query.dateRange === 'all' ? await firstDate(db, site) : null,
  );
  // Internal callers (the denominators of conversion rates) ask about exact instants.
  const range = options.bounds ? { ...resolved, ...options.bounds } : resolved;
  const granularity = query.granularity === 'auto' ? range.granularity : query.granularity;
  if (granularity && (range.to.getTime() - range.from.getTime()) / BUCKET_MS[granularity] > MAX_BUCKETS) {
    throw new Invalid(`Too many ${granularity} buckets for this range; choose a coarser granularity.`);
  }
  const goalFilters = query.filters.filter((filter) => filter.dimension === 'goal');
  if (query.metrics.includes('conversion_rate') && dimension !== 'goal' && goalFilters.length === 0) {
    throw new Invalid('conversion_rate needs the goal dimension or a goal filter.');
  }

  const rolledUp = options.rollups !== false && !range.realtime && rollupsCanAnswer({ ...query, granularity });
  const answer = async (from: Date, to: Date) => {
    const plan = rolledUp ? await loadRollupPlan(db, site, { from, to }, granularity) : null;
    const scope: Scope = {
      siteId: site.id,
      timezone: site.timezone,
      from,
      to,
      granularity,
      visitConditions: visitFilterSql(query.filters, goals, { siteId: site.id, since: from, until: to }),
      eventConditions: eventFilterSql(query.filters, goals),
      eventFiltered: hasEventLevelFilter(query.filters),
      visitStarts: plan?.rawSpans,
    };
    const withRevenue = query.metrics.includes('revenue');
    const inner = plan
      ? rolledUpAggregateSql(scope, plan, dimension, goals, withRevenue)
      : aggregateSql(scope, dimension, goals, withRevenue);
    const { rows, totalRows } = inner
      ? await runAggregate(db, scope, inner, query, dimension)
      : { rows: [] as RawRow[], totalRows: 0 };
    const result = rows.map((row) => ({
      bucket: row.bucket,
      value: row.value,
      metrics: metricsOf(row, query.metrics),
    }));
    if (query.metrics.includes('conversion_rate')) {
      await addConversionRates(db, site, query, result, goalFilters, { from, to }, options.rollups);
    }
    return { rows: result, totalRows };
  };
  const [current, comparison] = await Promise.all([
    answer(range.from, range.to),
    query.compare ? answer(range.previous.from, range.previous.to) : null,
  ]);
  return {
    query,
    range,
    granularity: granularity ?? null,
    rows: current.rows,
    totalRows: current.totalRows,
    comparison: comparison?.rows ?? null,
  };
}

function aggregateSql(
  scope: Scope,
  dimension: Dimension | undefined,
  goals: GoalDefinition[],
  withRevenue: boolean,
): Prisma.Sql | null {
  if (dimension === 'goal') return goalAggregateSql(scope, goals);
  if (dimension === undefined || isVisitDimension(dimension)) return visitAggregateSql(scope, dimension, withRevenue);
  return eventAggregateSql(scope, dimension);
}

async function runAggregate(
  db: Database,
  scope: Scope,
  inner: Prisma.Sql,
  query: StatsQuery,
  dimension: Dimension | undefined,
): Promise<{ rows: RawRow[]; totalRows: number }> {
  if (scope.granularity && !dimension) {
    // A time series: every bucket of the range, zero where nothing happened.
    const rows = await db.$queryRaw<RawRow[]>`
      WITH t AS (${inner})
      SELECT to_char(s.b, ${bucketFormat(scope)}) AS bucket, NULL::text AS value,
             coalesce(t.visitors, 0) AS visitors, coalesce(t.visits, 0) AS visits,
             coalesce(t.pageviews, 0) AS pageviews, coalesce(t.events, 0) AS events,
             coalesce(t.revenue, 0) AS revenue, coalesce(t.bounces, 0) AS bounces,
             coalesce(t.entries, 0) AS entries, coalesce(t."durationSeconds", 0) AS "durationSeconds",
             t."timeOnPageSum" / nullif(t."timeOnPageCount", 0) AS "timeOnPageSeconds"
      FROM generate_series(
             date_trunc(${scope.granularity}::text, ${scope.from} AT TIME ZONE ${scope.timezone}),
             (${scope.to}::timestamptz - interval '1 millisecond') AT TIME ZONE ${scope.timezone},
             ('1 ' || ${scope.granularity}::text)::interval
           ) AS s(b)
      LEFT JOIN t ON t.bucket = to_char(s.b, ${bucketFormat(scope)})
      ORDER BY s.b`;
    return { rows, totalRows: rows.length };
  }
  const search = query.search?.trim()
    ? Prisma.sql`WHERE t.value ILIKE ${`%${query.search.trim().replace(/[\\%_]/g, '\\$&')}%`}`
    : Prisma.empty;
  const order = orderSql(query.orderBy ?? { metric: query.metrics[0]!, direction: 'desc' });
  const rows = await db.$queryRaw<(RawRow & { total: bigint })[]>`
    SELECT t.*, t."timeOnPageSum" / nullif(t."timeOnPageCount", 0) AS "timeOnPageSeconds", count(*) OVER () AS total
    FROM (${inner}) t ${search}
    ORDER BY ${scope.granularity ? Prisma.sql`t.bucket,` : Prisma.empty} ${order}, t.value
    LIMIT ${query.limit} OFFSET ${query.offset}`;
  return { rows, totalRows: Number(rows[0]?.total ?? 0) };
}

function bucketFormat(scope: Scope): string {
  return scope.granularity === 'minute' || scope.granularity === 'hour' ? 'YYYY-MM-DD"T"HH24:MI' : 'YYYY-MM-DD';
}

/**
 * Conversion rate = visitors who reached the goal / all visitors of the same row. The denominator is the
 * same question without the goal filters (and, for the goal dimension, without any dimension).
 */
async function addConversionRates(
  db: Database,
  site: StatsSite,
  query: StatsQuery,
  rows: StatsRow[],
  goalFilters: Filter[],
  bounds: { from: Date; to: Date },
  rollups: boolean | undefined,
) {
  const dimension = query.dimensions[0];
  const others = query.filters.filter((filter) => !goalFilters.includes(filter));
  const byGoal = dimension === 'goal';
  const values = [...new Set(rows.map((row) => row.value).filter((value): value is string => value !== null))];
  if (!byGoal && dimension && values.length === 0) return;
  const totals = await queryStats(
    db,
    site,
    {
      metrics: ['visitors'],
      dimensions: byGoal || !dimension ? [] : [dimension],
      granularity: query.granularity,
      filters: byGoal || !dimension ? others : [...others, { dimension, operator: 'is', values: values.slice(0, 20) }],
      limit: 10_000,
    },
    { bounds, rollups },
  );
  const key = (row: StatsRow) => `${row.bucket ?? ''}\u0000${byGoal ? '' : (row.value ?? '')}`;
  const denominators = new Map(totals.rows.map((row) => [key(row), row.metrics.visitors ?? 0]));
  for (const row of rows) {
    const total = denominators.get(key(row)) ?? 0;
    row.metrics.conversion_rate = total ? (row.metrics.visitors ?? 0) / total : 0;
  }
}

/** The local date of the site's first visit (the start of "all time"). */
export async function firstDate(db: Database, site: StatsSite): Promise<string | null> {
  const first = await db.visit.findFirst({
    where: { siteId: site.id },
    orderBy: { startedAt: 'asc' },
    select: { startedAt: true },
  });
  return first ? localDate(first.startedAt, site.timezone) : null;
}
