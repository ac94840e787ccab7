// The dashboard overview of one site over the last N days, cut into days in the site's time zone.
// One round of SQL per widget; results are plain numbers the UI renders as they are.
import type { Database } from '@/lib/db/client';
import { Prisma } from '@/lib/db/generated/client';

export interface OverviewSite {
  id: string;
  timezone: string;
}

export interface TopLine {
  visitors: number;
  visits: number;
  pageviews: number;
  viewsPerVisit: number;
  bounceRate: number;
  visitDurationSeconds: number;
}

export interface DayPoint {
  day: string;
  visitors: number;
  pageviews: number;
}

export interface BreakdownRow {
  label: string;
  visitors: number;
  count: number;
}

export interface Overview {
  days: number;
  topLine: TopLine;
  /** The same metrics for the period before, up to the same time of day. */
  previous: TopLine;
  series: DayPoint[];
  topPages: BreakdownRow[];
  topSources: BreakdownRow[];
  topCountries: BreakdownRow[];
}

/**
 * Bounds of "the last `days` days, today included" in the site's zone, as SQL expressions, shifted
 * back by `shift` whole periods (1 = the previous period, up to the same time of day).
 */
function rangeSql(site: OverviewSite, days: number, shift = 0) {
  const tz = site.timezone;
  const back = Prisma.sql`make_interval(days => ${days * shift}::int)`;
  const from = Prisma.sql`(((now() AT TIME ZONE ${tz})::date - ${days - 1}::int)::timestamp AT TIME ZONE ${tz}) - ${back}`;
  return { from, to: Prisma.sql`now() - ${back}` };
}

async function queryTopLine(db: Database, site: OverviewSite, from: Prisma.Sql, to: Prisma.Sql): Promise<TopLine> {
  const [eventTotals] = await db.$queryRaw<{ visitors: number; pageviews: number }[]>`
    SELECT count(DISTINCT "visitorId")::int AS visitors, count(*) FILTER (WHERE name = 'pageview')::int AS pageviews
    FROM "Event" WHERE "siteId" = ${site.id} AND "timestamp" >= ${from} AND "timestamp" < ${to}`;
  const [visitTotals] = await db.$queryRaw<{ visits: number; bounces: number; duration: number }[]>`
    SELECT count(*)::int AS visits,
           count(*) FILTER (WHERE pageviews <= 1)::int AS bounces,
           coalesce(avg(extract(epoch FROM "lastSeenAt" - "startedAt")), 0)::float8 AS duration
    FROM "Visit" WHERE "siteId" = ${site.id} AND "startedAt" >= ${from} AND "startedAt" < ${to}`;
  const visits = visitTotals?.visits ?? 0;
  const pageviews = eventTotals?.pageviews ?? 0;
  return {
    visitors: eventTotals?.visitors ?? 0,
    visits,
    pageviews,
    viewsPerVisit: visits ? pageviews / visits : 0,
    bounceRate: visits ? (visitTotals?.bounces ?? 0) / visits : 0,
    visitDurationSeconds: visitTotals?.duration ?? 0,
  };
}

export async function queryOverview(db: Database, site: OverviewSite, days = 30): Promise<Overview> {
  const { from, to } = rangeSql(site, days);
  const previousRange = rangeSql(site, days, 1);
  const events = Prisma.sql`"siteId" = ${site.id} AND "timestamp" >= ${from} AND "timestamp" < ${to}`;

  const [topLine, previous] = await Promise.all([
    queryTopLine(db, site, from, to),
    queryTopLine(db, site, previousRange.from, previousRange.to),
  ]);
  const daily = await db.$queryRaw<DayPoint[]>`
    SELECT to_char(("timestamp" AT TIME ZONE ${site.timezone})::date, 'YYYY-MM-DD') AS day,
           count(DISTINCT "visitorId")::int AS visitors,
           count(*) FILTER (WHERE name = 'pageview')::int AS pageviews
    FROM "Event" WHERE ${events} GROUP BY 1 ORDER BY 1`;
  const topPages = await db.$queryRaw<BreakdownRow[]>`
    SELECT pathname AS label, count(DISTINCT "visitorId")::int AS visitors, count(*)::int AS count
    FROM "Event" WHERE ${events} AND name = 'pageview'
    GROUP BY 1 ORDER BY visitors DESC, label LIMIT 10`;
  const topSources = await db.$queryRaw<BreakdownRow[]>`
    SELECT coalesce("referrerSource", 'Direct / None') AS label, count(DISTINCT "visitorId")::int AS visitors, count(*)::int AS count
    FROM "Visit" WHERE "siteId" = ${site.id} AND "startedAt" >= ${from} AND "startedAt" < ${to}
    GROUP BY 1 ORDER BY visitors DESC, label LIMIT 10`;
  const topCountries = await db.$queryRaw<BreakdownRow[]>`
    SELECT coalesce(country, '??') AS label, count(DISTINCT "visitorId")::int AS visitors, count(*)::int AS count
    FROM "Visit" WHERE "siteId" = ${site.id} AND "startedAt" >= ${from} AND "startedAt" < ${to}
    GROUP BY 1 ORDER BY visitors DESC, label LIMIT 10`;

  return {
    days,
    topLine,
    previous,
    series: fillDays(daily, await todayIn(db, site.timezone), days),
    topPages,
    topSources,
    topCountries,
  };
}

async function todayIn(db: Database, timezone: string): Promise<string> {
  const [row] = await db.$queryRaw<{ today: string }[]>`
    SELECT to_char((now() AT TIME ZONE ${timezone})::date, 'YYYY-MM-DD') AS today`;
  return row!.today;
}

/** One point per day ending at `today`, zero where nothing happened. */
export function fillDays(points: DayPoint[], today: string, days: number): DayPoint[] {
  const byDay = new Map(points.map((point) => [point.day, point]));
  const end = Date.parse(`${today}T00:00:00Z`);
  return Array.from({ length: days }, (_, index) => {
    const day = new Date(end - (days - 1 - index) * 86_400_000).toISOString().slice(0, 10);
    return byDay.get(day) ?? { day, visitors: 0, pageviews: 0 };
  });
}
