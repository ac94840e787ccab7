// Drops rollups that no longer describe the raw rows: all of a site's when its time zone changes
// (local dates move), one goal's when it is deleted. The rollup job rebuilds what is still needed.
import type { Database } from '@/lib/db/client';

type Client = Pick<Database, 'rollup' | 'rollupDay'>;

export async function forgetRollups(db: Client, siteId: string): Promise<void> {
  await db.rollupDay.deleteMany({ where: { siteId } });
  await db.rollup.deleteMany({ where: { siteId } });
}

export async function forgetGoalRollups(db: Client, siteId: string, goalId: string): Promise<void> {
  await db.rollup.deleteMany({ where: { siteId, dimension: 'goal', value: goalId } });
}
