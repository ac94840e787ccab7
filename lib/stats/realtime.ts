// "Current visitors": distinct visitors with any event in the last five minutes, whenever their visit began.
import type { Database } from '@/lib/db/client';

export const CURRENT_VISITOR_MINUTES = 5;

export async function countCurrentVisitors(db: Database, siteId: string, now = new Date()): Promise<number> {
  const since = new Date(now.getTime() - CURRENT_VISITOR_MINUTES * 60_000);
  const [row] = await db.$queryRaw<{ visitors: number }[]>`
    SELECT count(DISTINCT "visitorId")::int AS visitors
    FROM "Event" WHERE "siteId" = ${siteId} AND "timestamp" >= ${since} AND "timestamp" <= ${now}`;
  return row?.visitors ?? 0;
}
