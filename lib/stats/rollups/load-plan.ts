// Reads which days of a site have rollups and plans a question's range over them (plan.ts).
import type { Database } from '@/lib/db/client';
import { utcDay } from '@/lib/privacy/salts';

import type { Granularity } from '../query/schema';
import { DAY_SPAN_MS, planRollups, type RollupPlan } from './plan';

/** Whether rollups can answer questions of this kind: unfiltered, in buckets of days or longer. */
export function rollupsCanAnswer(question: { filters: unknown[]; granularity: Granularity | undefined }): boolean {
  const { filters, granularity } = question;
  return filters.length === 0 && (granularity === undefined || !['minute', 'hour'].includes(granularity));
}

export async function loadRollupPlan(
  db: Database,
  site: { id: string; timezone: string },
  range: { from: Date; to: Date },
  granularity: Granularity | undefined,
): Promise<RollupPlan | null> {
  const rows = await db.rollupDay.findMany({
    where: {
      siteId: site.id,
      day: {
        gte: new Date(`${utcDay(new Date(range.from.getTime() - DAY_SPAN_MS))}T00:00:00Z`),
        lte: new Date(`${utcDay(range.to)}T00:00:00Z`),
      },
    },
    select: { day: true, closedBefore: true },
  });
  if (rows.length === 0) return null;
  const days = new Map(rows.map((row) => [utcDay(row.day), row.closedBefore]));
  return planRollups(days, range, site.timezone, granularity as 'day' | 'week' | 'month' | undefined);
}
