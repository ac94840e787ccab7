// Builds the rollup rows of one UTC day of a site, once no new event can belong to its visits: the
// day's salt is gone (SALT_GRACE_MS after midnight), so its visitor ids can never be made again. Or, for
// a day not over yet, the rows of the visits already over at an instant `closedBefore` (plan.ts).
// Values and counts are computed with the very SQL expressions the raw queries use (dimension-sql.ts,
// filters.ts), so the two cannot drift apart; rollups.db.test.ts compares them on every kind of question.
import type { Database } from '@/lib/db/client';
import { Prisma } from '@/lib/db/generated/client';

import { visitValueSql } from '../query/dimension-sql';
import { DIMENSIONS, isVisitDimension, NONE_LABEL, PLAIN_DIMENSIONS, type PlainDimension } from '../query/dimensions';
import { goalMatchSql, type GoalDefinition } from '../query/filters';
import { DAY_SPAN_MS } from './plan';

const DAY_MS = 86_400_000;
const VISIT_DIMENSIONS = PLAIN_DIMENSIONS.filter((dimension) => isVisitDimension(dimension));
/** A rolled-up day's rows are rebuilt inside one transaction; a day of a big site takes seconds. */
const BUILD_TIMEOUT_MS = 300_000;

const COLUMNS = Prisma.sql`("siteId", "closedBefore", day, "localDate", whole, dimension, value, visitors, visits,
  pageviews, events, revenue, bounces, entries, "durationSeconds", "timeOnPageSum", "timeOnPageCount")`;

interface Day {
  siteId: string;
  day: string;
  timezone: string;
  start: Date;
  end: Date;
  spanEnd: Date;
  /** Only the visits whose last event came before this instant (a day rolled up in part), or every visit. */
  closedBefore: Date | null;
}

/** The day's visits `v` the rows count: all of them, or those closed before `closedBefore`. */
function visitsOfDaySql(d: Day): Prisma.Sql {
  return Prisma.sql`v."siteId" = ${d.siteId} AND v."startedAt" >= ${d.start} AND v."startedAt" < ${d.end}
    ${d.closedBefore ? Prisma.sql`AND v."lastSeenAt" < ${d.closedBefore}` : Prisma.empty}`;
}

/** Whole-day rows and per-local-date rows of the same grouping, told apart by GROUPING(). */
const PLACEMENT = (day: string) =>
  Prisma.sql`CASE WHEN GROUPING(x.local) = 1 THEN ${day}::date ELSE x.local END, GROUPING(x.local) = 1`;

/** Visits started on the day, per visit dimension (and "" for the totals). */
function visitRowsSql(d: Day): Prisma.Sql {
  const values = [
    Prisma.sql`('', '')`,
    ...VISIT_DIMENSIONS.map((dimension) => Prisma.sql`(${dimension}, ${visitValueSql(dimension as PlainDimension)})`),
  ];
  return Prisma.sql`
    INSERT INTO "Rollup" ${COLUMNS}
    SELECT ${d.siteId}, ${d.closedBefore}::timestamptz, ${d.day}::date, ${PLACEMENT(d.day)}, x.dimension, x.value,
           count(DISTINCT x."visitorId"), count(*), sum(x.pageviews), sum(x.events), coalesce(sum(x.revenue), 0),
           count(*) FILTER (WHERE x.pageviews <= 1), count(*), coalesce(sum(x.duration), 0), 0, 0
    FROM (
      SELECT v."visitorId", v.pageviews, v.events, a.revenue, (v."startedAt" AT TIME ZONE ${d.timezone})::date AS local,
             extract(epoch FROM v."lastSeenAt" - v."startedAt") AS duration, dim.dimension, dim.value
      FROM "Visit" v
      LEFT JOIN (
        SELECT e."visitId", sum(e."revenueAmount") AS revenue
        FROM "Event" e
        WHERE e."siteId" = ${d.siteId} AND e."timestamp" >= ${d.start} AND e."timestamp" < ${d.spanEnd}
              AND e."revenueAmount" IS NOT NULL
        GROUP BY 1
      ) a ON a."visitId" = v.id
      CROSS JOIN LATERAL (VALUES ${Prisma.join(values)}) AS dim(dimension, value)
      WHERE ${visitsOfDaySql(d)}
    ) x
    GROUP BY GROUPING SETS ((x.dimension, x.value, x.local), (x.dimension, x.value))`;
}

/**
 * The day's visits' events, with the local date of each; with `nextPageview`, also the seconds to the
 * visit's next pageview and its local date (a window over the day's pageviews, which goals do not need).
 */
function dayEventsSql(d: Day, nextPageview: boolean): Prisma.Sql {
  const next = nextPageview
    ? Prisma.sql`
      CASE WHEN e.name = 'pageview' THEN extract(epoch FROM lead(e."timestamp") OVER w - e."timestamp") END AS seconds,
      CASE WHEN e.name = 'pageview' THEN (lead(e."timestamp") OVER w AT TIME ZONE ${d.timezone})::date END AS "nextLocal"`
    : Prisma.sql`NULL::numeric AS seconds, NULL::date AS "nextLocal"`;
  return Prisma.sql`
    SELECT e.id, e."visitorId", e."visitId", e.name, e.hostname, e.pathname, e."revenueAmount",
           CASE WHEN jsonb_typeof(e.props) = 'object' THEN e.props END AS props,
           (e."timestamp" AT TIME ZONE ${d.timezone})::date AS local, ${next}
    FROM "Event" e
    WHERE e."siteId" = ${d.siteId} AND e."timestamp" >= ${d.start} AND e."timestamp" < ${d.spanEnd}
          AND e."visitId" IN (SELECT v.id FROM "Visit" v WHERE ${visitsOfDaySql(d)})
    ${nextPageview ? Prisma.sql`WINDOW w AS (PARTITION BY e."visitId", e.name = 'pageview' ORDER BY e."timestamp", e.id)` : Prisma.empty}`;
}

/**
 * Events per event dimension. Time on page: every pageview followed by another in its visit for the
 * whole day; for one local date, only the pairs within it (a range ending there cuts the others off).
 */
function eventRowsSql(d: Day): Prisma.Sql {
  const none = (column: string) => Prisma.sql`coalesce(x.${Prisma.raw(`"${column}"`)}, ${NONE_LABEL})`;
  return Prisma.sql`
    INSERT INTO "Rollup" ${COLUMNS}
    SELECT ${d.siteId}, ${d.closedBefore}::timestamptz, ${d.day}::date, ${PLACEMENT(d.day)}, dim.dimension, dim.value,
           count(DISTINCT x."visitorId"), count(DISTINCT x."visitId"), count(*) FILTER (WHERE x.name = 'pageview'),
           count(*), coalesce(sum(x."revenueAmount"), 0), 0, 0, 0,
           coalesce(CASE WHEN GROUPING(x.local) = 1 THEN sum(dim.seconds)
                         ELSE sum(dim.seconds) FILTER (WHERE x."nextLocal" = x.local) END, 0),
           CASE WHEN GROUPING(x.local) = 1 THEN count(dim.seconds)
                ELSE count(dim.seconds) FILTER (WHERE x."nextLocal" = x.local) END
    FROM (${dayEventsSql(d, true)}) x
    CROSS JOIN LATERAL (
      SELECT 'hostname', ${none(DIMENSIONS.hostname.column)}, NULL::numeric
      UNION ALL SELECT 'event_name', ${none(DIMENSIONS.event_name.column)}, NULL
      UNION ALL SELECT 'page', ${none(DIMENSIONS.page.column)}, x.seconds WHERE x.name = 'pageview'
      UNION ALL SELECT 'prop:' || p.key, coalesce(p.value, ${NONE_LABEL}), NULL FROM jsonb_each_text(x.props) p
    ) AS dim(dimension, value, seconds)
    GROUP BY GROUPING SETS ((dim.dimension, dim.value, x.local), (dim.dimension, dim.value))`;
}

/** Events reaching each goal (goalMatchSql reads the event as `e`). */
function goalRowsSql(d: Day, goals: GoalDefinition[]): Prisma.Sql {
  const matches = goals.map((goal) => Prisma.sql`SELECT ${goal.id}::text WHERE ${goalMatchSql(goal)}`);
  return Prisma.sql`
    INSERT INTO "Rollup" ${COLUMNS}
    SELECT ${d.siteId}, ${d.closedBefore}::timestamptz, ${d.day}::date,
           CASE WHEN GROUPING(e.local) = 1 THEN ${d.day}::date ELSE e.local END,
           GROUPING(e.local) = 1, 'goal', g.id,
           count(DISTINCT e."visitorId"), count(DISTINCT e."visitId"), count(*) FILTER (WHERE e.name = 'pageview'),
           count(*), coalesce(sum(e."revenueAmount"), 0), 0, 0, 0, 0, 0
    FROM (${dayEventsSql(d, false)}) e
    CROSS JOIN LATERAL (${Prisma.join(matches, ' UNION ALL ')}) AS g(id)
    GROUP BY GROUPING SETS ((g.id, e.local), (g.id))`;
}

type Transaction = Parameters<Parameters<Database['$transaction']>[0]>[0];

/** The day, with the site's time zone read under a share lock: a time zone change waits for the build. */
async function lockedDay(tx: Transaction, siteId: string, day: string, closedBefore: Date | null): Promise<Day | null> {
  const [site] = await tx.$queryRaw<{ timezone: string }[]>`
    SELECT timezone FROM "Site" WHERE id = ${siteId} FOR SHARE`;
  if (!site) return null;
  const start = new Date(`${day}T00:00:00Z`);
  return {
    siteId,
    day,
    timezone: site.timezone,
    start,
    end: new Date(start.getTime() + DAY_MS),
    spanEnd: new Date(start.getTime() + DAY_SPAN_MS),
    closedBefore,
  };
}

const GOAL_SELECT = { id: true, displayName: true, kind: true, eventName: true, pathPattern: true } as const;

/**
 * (Re)builds every rollup row of `day` for the site, and marks the day rolled up: for good, or with
 * `closedBefore`, in part (the visits closed before it; the job rebuilds such a day as it goes on).
 * The rows of the build before, if it was in part, stay: a query that planned with them a moment ago
 * still finds them (rows are told apart by their own `closedBefore`); removeSupersededRows clears them later.
 */
export async function buildRollupDay(
  db: Database,
  siteId: string,
  day: string,
  closedBefore: Date | null = null,
): Promise<void> {
  await db.$transaction(
    async (tx) => {
      const d = await lockedDay(tx, siteId, day, closedBefore);
      if (!d) return; // the site was deleted meanwhile
      const goals = await tx.goal.findMany({ where: { siteId }, select: GOAL_SELECT });
      const before = await tx.rollupDay.findUnique({
        where: { siteId_day: { siteId, day: d.start } },
        select: { closedBefore: true },
      });
      await tx.$executeRaw`
        DELETE FROM "Rollup" WHERE "siteId" = ${siteId} AND day = ${day}::date
          AND ("closedBefore" IS NULL OR "closedBefore" IS DISTINCT FROM ${before?.closedBefore ?? null}::timestamptz)`;
      await tx.$executeRaw(visitRowsSql(d));
      await tx.$executeRaw(eventRowsSql(d));
      if (goals.length > 0) await tx.$executeRaw(goalRowsSql(d, goals));
      await tx.$executeRaw`
        INSERT INTO "RollupDay" ("siteId", day, "closedBefore") VALUES (${siteId}, ${day}::date, ${closedBefore})
        ON CONFLICT ("siteId", day) DO UPDATE SET "builtAt" = now(), "closedBefore" = excluded."closedBefore"`;
    },
    { timeout: BUILD_TIMEOUT_MS, maxWait: 30_000 },
  );
}

/**
 * Adds a goal created after days were rolled up to each of those days, then marks it ready. Until
 * then queries count it from raw rows.
 */
export async function backfillGoal(db: Database, siteId: string, goalId: string, signal?: AbortSignal) {
  const goal = await db.goal.findFirst({ where: { id: goalId, siteId }, select: GOAL_SELECT });
  if (!goal) return false;
  const days = await db.rollupDay.findMany({ where: { siteId }, select: { day: true }, orderBy: { day: 'desc' } });
  for (const { day } of days) {
    if (signal?.aborted) return false;
    const date = day.toISOString().slice(0, 10);
    await db.$transaction(
      async (tx) => {
        const d = await lockedDay(tx, siteId, date, null);
        if (!d) return;
        // Every generation's rows of the goal go: queries count it from raw rows until it is ready.
        await tx.$executeRaw`
          DELETE FROM "Rollup" WHERE "siteId" = ${siteId} AND day = ${date}::date AND dimension = 'goal' AND value = ${goal.id}`;
        const rolled = await tx.rollupDay.findUnique({
          where: { siteId_day: { siteId, day } },
          select: { closedBefore: true },
        });
        // A day rolled up in part holds the goal for the same visits as its other rows.
        if (rolled) await tx.$executeRaw(goalRowsSql({ ...d, closedBefore: rolled.closedBefore }, [goal]));
      },
      { timeout: BUILD_TIMEOUT_MS, maxWait: 30_000 },
    );
  }
  await db.goal.updateMany({ where: { id: goal.id, siteId }, data: { rollupsReady: true } });
  return true;
}

/**
 * Removes the rows of builds in part superseded by a build at least `graceMs` old (by the database's
 * clock, which stamps builds): no query still reads them.
 */
export async function removeSupersededRows(db: Database, siteId: string, graceMs: number): Promise<number> {
  return db.$executeRaw`
    DELETE FROM "Rollup" r USING "RollupDay" d
    WHERE r."siteId" = ${siteId} AND d."siteId" = r."siteId" AND d.day = r.day
          AND d."builtAt" < now() - make_interval(secs => ${graceMs / 1000})
          AND r."closedBefore" IS NOT NULL AND r."closedBefore" IS DISTINCT FROM d."closedBefore"`;
}
