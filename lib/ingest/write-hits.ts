// Stores a batch of hits in one transaction: assigns each to a visit (same visitor, less than 30
// minutes since their last event), updates or creates those visits, and inserts the events.
// Per-visitor advisory locks make this correct when several app instances write at once.
import type pg from 'pg';

import { inTransaction } from '@/lib/db/sql';
import { VISIT_TIMEOUT_MS } from '@/lib/events/visit-timeout';
import {
  insertEvents,
  insertVisits,
  reserveVisitIds,
  type EventRow,
  type SqlRunner,
  type VisitRow,
} from '@/lib/events/bulk-insert';

import type { EnrichedHit } from './enriched-hit';

/** Where a visit came from; every event of the visit is attributed to it. */
type Attribution = EnrichedHit['source'] & EnrichedHit['utm'];

interface VisitState {
  id: bigint | null;
  attribution: Attribution;
  siteId: string;
  visitorId: bigint;
  startedAt: Date;
  lastSeenAt: Date;
  entryPath: string;
  exitPath: string;
  pageviews: number;
  events: number;
  first: EnrichedHit | null;
  changed: boolean;
}

/** A visit as loaded from the table: bigints travel as text. */
type StoredVisit = Omit<VisitState, 'id' | 'visitorId' | 'first' | 'changed'> & { id: string; visitorId: string };

const key = (siteId: string, visitorId: bigint) => `${siteId}:${visitorId}`;

export async function writeHits(pool: pg.Pool, hits: EnrichedHit[]): Promise<void> {
  if (hits.length === 0) return;
  const ordered = [...hits].sort((a, b) => a.timestamp.getTime() - b.timestamp.getTime());
  await inTransaction(pool, async (tx) => {
    const visits = await lockAndLoadVisits(tx, ordered);
    const created: VisitState[] = [];
    const assigned = ordered.map((hit) => {
      let visit = visits.get(key(hit.siteId, hit.visitorId));
      if (!visit && hit.previousVisitorId !== null) {
        // Just after midnight the salt changed: continue the visit found under yesterday's id.
        visit = visits.get(key(hit.siteId, hit.previousVisitorId));
      }
      if (!visit || hit.timestamp.getTime() - visit.lastSeenAt.getTime() >= VISIT_TIMEOUT_MS) {
        visit = startVisit(hit);
        created.push(visit);
      }
      // Under today's id only a visit of today's id: one continued from before midnight is found under
      // yesterday's id, and only while the hit carries it (the grace period), in this batch as in the next.
      if (visit.visitorId === hit.visitorId) visits.set(key(hit.siteId, hit.visitorId), visit);
      extendVisit(visit, hit);
      return visit;
    });

    const ids = await reserveVisitIds(tx, created.length);
    created.forEach((visit, index) => (visit.id = ids[index]!));
    await insertVisits(tx, created.map(toVisitRow));
    await updateVisits(
      tx,
      [...new Set(visits.values())].filter((visit) => visit.changed && !created.includes(visit)),
    );
    await insertEvents(
      tx,
      ordered.map((hit, index) => toEventRow(hit, assigned[index]!)),
    );
  });
}

async function lockAndLoadVisits(tx: SqlRunner, hits: EnrichedHit[]): Promise<Map<string, VisitState>> {
  const pairs = new Map<string, [string, bigint]>();
  for (const hit of hits) {
    pairs.set(key(hit.siteId, hit.visitorId), [hit.siteId, hit.visitorId]);
    if (hit.previousVisitorId !== null)
      pairs.set(key(hit.siteId, hit.previousVisitorId), [hit.siteId, hit.previousVisitorId]);
  }
  const keys = [...pairs.keys()].sort();
  // Sorted lock order: two batches sharing visitors cannot deadlock.
  await tx.$queryRawUnsafe(
    `SELECT count(*) FROM (SELECT pg_advisory_xact_lock(hashtextextended(k, 0)) FROM unnest($1::text[]) AS k ORDER BY k) AS locked`,
    keys,
  );
  const since = new Date(hits[0]!.timestamp.getTime() - VISIT_TIMEOUT_MS);
  const rows = await tx.$queryRawUnsafe<StoredVisit[]>(
    `SELECT DISTINCT ON ("siteId", "visitorId") id::text, "siteId", "visitorId"::text, "startedAt", "lastSeenAt",
            "entryPath", "exitPath", pageviews, events,
            json_build_object('referrerDomain', "referrerDomain", 'referrerSource', "referrerSource", 'channel', channel,
              'utmSource', "utmSource", 'utmMedium', "utmMedium", 'utmCampaign', "utmCampaign",
              'utmTerm', "utmTerm", 'utmContent', "utmContent") AS attribution
       FROM "Visit"
      WHERE ("siteId", "visitorId") IN (SELECT s, v::bigint FROM unnest($1::text[], $2::text[]) AS t(s, v))
        AND "lastSeenAt" > $3::timestamptz
      ORDER BY "siteId", "visitorId", "lastSeenAt" DESC`,
    [...pairs.values()].map(([siteId]) => siteId),
    [...pairs.values()].map(([, visitorId]) => visitorId.toString()),
    since.toISOString(),
  );
  return new Map(
    rows.map((row) => [
      key(row.siteId, BigInt(row.visitorId)),
      { ...row, id: BigInt(row.id), visitorId: BigInt(row.visitorId), first: null, changed: false },
    ]),
  );
}

function startVisit(hit: EnrichedHit): VisitState {
  return {
    id: null,
    attribution: { ...hit.source, ...hit.utm },
    siteId: hit.siteId,
    visitorId: hit.visitorId,
    startedAt: hit.timestamp,
    lastSeenAt: hit.timestamp,
    entryPath: hit.pathname,
    exitPath: hit.pathname,
    pageviews: 0,
    events: 0,
    first: hit,
    changed: true,
  };
}

function extendVisit(visit: VisitState, hit: EnrichedHit) {
  const isPageview = hit.name === 'pageview';
  if (isPageview && visit.pageviews === 0) visit.entryPath = hit.pathname;
  if (isPageview) visit.exitPath = hit.pathname;
  visit.pageviews += isPageview ? 1 : 0;
  visit.events += 1;
  if (hit.timestamp > visit.lastSeenAt) visit.lastSeenAt = hit.timestamp;
  visit.changed = true;
}

function dimensions(hit: EnrichedHit, visit: VisitState) {
  return { ...visit.attribution, ...hit.place, ...hit.device, screen: hit.screen };
}

function toVisitRow(visit: VisitState): VisitRow {
  const { id, siteId, visitorId, startedAt, lastSeenAt, entryPath, exitPath, pageviews, events } = visit;
  return {
    ...dimensions(visit.first!, visit),
    id,
    siteId,
    visitorId,
    startedAt,
    lastSeenAt,
    entryPath,
    exitPath,
    pageviews,
    events,
  };
}

function toEventRow(hit: EnrichedHit, visit: VisitState): EventRow {
  return {
    ...dimensions(hit, visit),
    siteId: hit.siteId,
    timestamp: hit.timestamp,
    name: hit.name,
    // The visit's visitor: after midnight that is yesterday's id, so the visitor counts once.
    visitorId: visit.visitorId,
    visitId: visit.id,
    hostname: hit.hostname,
    pathname: hit.pathname,
    props: hit.props,
    revenueAmount: hit.revenue?.amount,
    revenueCurrency: hit.revenue?.currency,
  };
}

async function updateVisits(tx: SqlRunner, visits: VisitState[]) {
  if (visits.length === 0) return;
  await tx.$executeRawUnsafe(
    `UPDATE "Visit" AS v
        SET "lastSeenAt" = u.last::timestamptz, pageviews = u.pv::int, events = u.ev::int,
            "entryPath" = u.entry, "exitPath" = u.exit
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[]) AS u(id, last, pv, ev, entry, exit)
      WHERE v.id = u.id::bigint`,
    visits.map((visit) => visit.id!.toString()),
    visits.map((visit) => visit.lastSeenAt.toISOString()),
    visits.map((visit) => String(visit.pageviews)),
    visits.map((visit) => String(visit.events)),
    visits.map((visit) => visit.entryPath),
    visits.map((visit) => visit.exitPath),
  );
}
