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

/**
 * When the site's newest event happened (ISO), or null: the dashboard reloads its numbers when this
 * changes, so it refreshes when data arrives rather than on a blind timer. Reads one index entry.
 */
export async function latestEventAt(db: Database, siteId: string): Promise<string | null> {
  const [row] = await db.$queryRaw<{ latest: Date | null }[]>`
    SELECT max("timestamp") AS latest FROM "Event" WHERE "siteId" = ${siteId}`;
  return row?.latest ? row.latest.toISOString() : null;
}

/** What the dashboard polls: current visitors and the newest event's time. */
export async function realtimeSnapshot(db: Database, siteId: string) {
  const [visitors, latest] = await Promise.all([countCurrentVisitors(db, siteId), latestEventAt(db, siteId)]);
  return { visitors, latest };
}
