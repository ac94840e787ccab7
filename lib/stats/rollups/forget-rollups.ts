// Drops rollups that no longer describe the raw rows: all of a site's when its time zone changes
// (local dates move), one goal's when it is deleted, the days retention cuts into. The rollup job
// rebuilds what is still needed.
import type { Database } from '@/lib/db/client';
import { utcDay } from '@/lib/privacy/salts';

type Client = Pick<Database, 'rollup' | 'rollupDay'>;

export async function forgetRollups(db: Client, siteId: string): Promise<void> {
  await db.rollupDay.deleteMany({ where: { siteId } });
  await db.rollup.deleteMany({ where: { siteId } });
}

export async function forgetGoalRollups(db: Client, siteId: string, goalId: string): Promise<void> {
  await db.rollup.deleteMany({ where: { siteId, dimension: 'goal', value: goalId } });
}

/**
 * Drops the sites' rollups of every UTC day up to the one holding `before`, the days whose raw rows
 * retention is about to delete; returns how many days were dropped.
 */
export async function forgetRollupsThrough(db: Database, siteIds: string[], before: Date): Promise<number> {
  const where = { siteId: { in: siteIds }, day: { lte: new Date(`${utcDay(before)}T00:00:00Z`) } };
  const [days] = await db.$transaction([db.rollupDay.deleteMany({ where }), db.rollup.deleteMany({ where })]);
  return days.count;
}
