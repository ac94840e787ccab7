// The rollup job: builds the rows of every closed day that has none yet (newest first, so that recent
// dashboards speed up first), then adds goals created since to the days already built, then rolls up
// the days not over yet of busy sites in part: the visits already closed (plan.ts).
import type { Database } from '@/lib/db/client';
import { VISIT_TIMEOUT_MS } from '@/lib/events/visit-timeout';
import { utcDay } from '@/lib/privacy/salts';

import { addDays } from '../query/range';
import { backfillGoal, buildRollupDay, removeSupersededRows } from './build-rollups';
import { DAY_SPAN_MS } from './plan';

const DAY_MS = 86_400_000;
/** Margin after a day's span for hits still in the ingest queue to be committed. */
const COMMIT_MARGIN_MS = 30 * 60_000;
/**
 * A day not over yet is rolled up in part once this many visits started on it: below that, reading it
 * raw is cheap anyway, and every site's current day would otherwise be rebuilt on every run.
 */
export const PARTIAL_MIN_VISITS = 1_000;
/** A day rolled up in part is rebuilt when its closing instant would move on by at least this much. */
const PARTIAL_REBUILD_MS = 5 * 60_000;
/** Rows of a build in part stay this long after a newer build, for the queries planned with them. */
const SUPERSEDED_GRACE_MS = 5 * 60_000;

export interface RollupReport {
  days: number;
  /** Days not over yet rolled up in part (the visits closed so far). */
  partialDays: number;
  goals: number;
  /** True when the run was asked to stop before it finished (the rest is left for the next run). */
  stopped: boolean;
}

/** The last UTC day whose visits and events can no longer change at `now`. */
export function lastClosedDay(now: Date): string {
  return utcDay(new Date(now.getTime() - DAY_SPAN_MS - COMMIT_MARGIN_MS));
}

/**
 * The instant before which a visit that had its last event is over at `now`: a later hit continues a
 * visit only within VISIT_TIMEOUT_MS of its last event, and a hit received before now - COMMIT_MARGIN_MS
 * is committed by now.
 */
export function closedBeforeAt(now: Date): Date {
  return new Date(now.getTime() - VISIT_TIMEOUT_MS - COMMIT_MARGIN_MS);
}

/** Closed days of the site, from its first visit on, that have no final rollups, newest first. */
async function missingDays(db: Database, siteId: string, now: Date): Promise<string[]> {
  const rows = await db.$queryRaw<{ day: string }[]>`
    SELECT to_char(d, 'YYYY-MM-DD') AS day
    FROM (SELECT min("startedAt") AS first FROM "Visit" WHERE "siteId" = ${siteId}) f,
         generate_series((f.first AT TIME ZONE 'UTC')::date, ${lastClosedDay(now)}::date, interval '1 day') AS d
    WHERE NOT EXISTS (SELECT 1 FROM "RollupDay" r WHERE r."siteId" = ${siteId} AND r.day = d::date AND r."closedBefore" IS NULL)
    ORDER BY d DESC`;
  return rows.map((row) => row.day);
}

/** The days after the last closed one, up to today, worth rolling up in part at `now`. */
async function partialDays(db: Database, siteId: string, now: Date, minVisits: number): Promise<string[]> {
  const closedBefore = closedBeforeAt(now);
  const days: string[] = [];
  for (let day = addDays(lastClosedDay(now), 1); day <= utcDay(now); day = addDays(day, 1)) {
    const start = new Date(`${day}T00:00:00Z`);
    if (closedBefore <= start) continue;
    const [built, visits] = await Promise.all([
      db.rollupDay.findUnique({ where: { siteId_day: { siteId, day: start } }, select: { closedBefore: true } }),
      db.visit.count({
        where: { siteId, startedAt: { gte: start, lt: new Date(start.getTime() + DAY_MS) } },
        take: minVisits,
      }),
    ]);
    if (visits < minVisits) continue;
    const upTo = built ? built.closedBefore : start;
    if (upTo && closedBefore.getTime() - upTo.getTime() >= PARTIAL_REBUILD_MS) days.push(day);
  }
  return days;
}

export async function runRollups(
  db: Database,
  now: Date,
  options: { signal?: AbortSignal; siteIds?: string[]; partialMinVisits?: number } = {},
): Promise<RollupReport> {
  const report: RollupReport = { days: 0, partialDays: 0, goals: 0, stopped: false };
  const sites = await db.site.findMany({
    where: options.siteIds ? { id: { in: options.siteIds } } : {},
    select: { id: true },
    orderBy: { createdAt: 'asc' },
  });
  for (const site of sites) {
    for (const day of await missingDays(db, site.id, now)) {
      if (options.signal?.aborted) return { ...report, stopped: true };
      await buildRollupDay(db, site.id, day);
      report.days += 1;
    }
    const goals = await db.goal.findMany({ where: { siteId: site.id, rollupsReady: false }, select: { id: true } });
    for (const goal of goals) {
      if (await backfillGoal(db, site.id, goal.id, options.signal)) report.goals += 1;
      if (options.signal?.aborted) return { ...report, stopped: true };
    }
    for (const day of await partialDays(db, site.id, now, options.partialMinVisits ?? PARTIAL_MIN_VISITS)) {
      if (options.signal?.aborted) return { ...report, stopped: true };
      await buildRollupDay(db, site.id, day, closedBeforeAt(now));
      report.partialDays += 1;
    }
    await removeSupersededRows(db, site.id, SUPERSEDED_GRACE_MS);
  }
  return report;
}
