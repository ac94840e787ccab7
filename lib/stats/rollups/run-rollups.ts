// The rollup job: builds the rows of every closed day that has none yet (newest first, so that recent
// dashboards speed up first), then adds goals created since to the days already built.
import type { Database } from '@/lib/db/client';
import { utcDay } from '@/lib/privacy/salts';

import { backfillGoal, buildRollupDay } from './build-rollups';
import { DAY_SPAN_MS } from './plan';

/** Margin after a day's span for hits still in the ingest queue to be committed. */
const COMMIT_MARGIN_MS = 30 * 60_000;

export interface RollupReport {
  days: number;
  goals: number;
  /** True when the run was asked to stop before it finished (the rest is left for the next run). */
  stopped: boolean;
}

/** The last UTC day whose visits and events can no longer change at `now`. */
export function lastClosedDay(now: Date): string {
  return utcDay(new Date(now.getTime() - DAY_SPAN_MS - COMMIT_MARGIN_MS));
}

/** Closed days of the site, from its first visit on, that have no rollups, newest first. */
async function missingDays(db: Database, siteId: string, now: Date): Promise<string[]> {
  const rows = await db.$queryRaw<{ day: string }[]>`
    SELECT to_char(d, 'YYYY-MM-DD') AS day
    FROM (SELECT min("startedAt") AS first FROM "Visit" WHERE "siteId" = ${siteId}) f,
         generate_series((f.first AT TIME ZONE 'UTC')::date, ${lastClosedDay(now)}::date, interval '1 day') AS d
    WHERE NOT EXISTS (SELECT 1 FROM "RollupDay" r WHERE r."siteId" = ${siteId} AND r.day = d::date)
    ORDER BY d DESC`;
  return rows.map((row) => row.day);
}

export async function runRollups(
  db: Database,
  now: Date,
  options: { signal?: AbortSignal; siteIds?: string[] } = {},
): Promise<RollupReport> {
  const report: RollupReport = { days: 0, goals: 0, stopped: false };
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
  }
  return report;
}
