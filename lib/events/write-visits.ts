// Stores already-assembled visits with their events in bulk (demo data, imports). Live hits go
// through the ingest pipeline instead, which builds visits incrementally.
import type { Database } from '@/lib/db/client';
import type { Prisma } from '@/lib/db/generated/client';

import { insertEvents, insertVisits, reserveVisitIds, type EventRow, type VisitRow } from './bulk-insert';

export type VisitDimensions = Omit<
  Prisma.VisitCreateManyInput,
  'id' | 'siteId' | 'startedAt' | 'lastSeenAt' | 'entryPath' | 'exitPath' | 'pageviews' | 'events'
>;

export interface VisitEventInput {
  timestamp: Date;
  name: string;
  pathname: string;
  props?: Record<string, string>;
  revenue?: { amount: string; currency: string };
}

export interface VisitInput {
  dimensions: VisitDimensions;
  hostname: string;
  /** In time order; the first must be a pageview. */
  events: VisitEventInput[];
}

const CHUNK = 500;

/** Writes visits and their events; returns how many of each were stored. */
export async function writeVisits(db: Database, siteId: string, visits: VisitInput[]) {
  let eventCount = 0;
  for (let start = 0; start < visits.length; start += CHUNK) {
    const chunk = visits.slice(start, start + CHUNK);
    const ids = await reserveVisitIds(db, chunk.length);
    const events: EventRow[] = chunk.flatMap((visit, index) =>
      visit.events.map((event) => ({
        // A visit's dimensions are exactly the per-event dimensions its events share.
        ...visit.dimensions,
        siteId,
        visitId: ids[index],
        hostname: visit.hostname,
        timestamp: event.timestamp,
        name: event.name,
        pathname: event.pathname,
        props: event.props,
        revenueAmount: event.revenue?.amount,
        revenueCurrency: event.revenue?.currency,
      })),
    );
    await db.$transaction(async (tx) => {
      await insertVisits(
        tx,
        chunk.map((visit, index) => ({ ...summariseVisit(siteId, visit), id: ids[index] })),
      );
      await insertEvents(tx, events);
    });
    eventCount += events.length;
  }
  return { visits: visits.length, events: eventCount };
}

function summariseVisit(siteId: string, visit: VisitInput): VisitRow {
  const pageviews = visit.events.filter((event) => event.name === 'pageview');
  const first = visit.events[0];
  const last = visit.events.at(-1);
  if (!first || !last || pageviews.length === 0) throw new Error('A visit needs at least one pageview');
  return {
    ...visit.dimensions,
    siteId,
    startedAt: first.timestamp,
    lastSeenAt: last.timestamp,
    entryPath: pageviews[0]!.pathname,
    exitPath: pageviews.at(-1)!.pathname,
    pageviews: pageviews.length,
    events: visit.events.length,
  };
}
