// Stores a batch of hits in one transaction: assigns each to a visit (same visitor, less than 30
// minutes since their last event), updates or creates those visits, and inserts the events.
// Per-visitor advisory locks make this correct when several app instances write at once.
import type pg from 'pg';

import { inTwoTripTransaction, type Execute, type PreparedStatement } from '@/lib/db/sql';
import { VISIT_TIMEOUT_MS } from '@/lib/events/visit-timeout';
import { visitBatchStatement, type ChangedVisitRow, type EventRow, type NewVisitRow } from '@/lib/events/bulk-insert';

import type { EnrichedHit } from './enriched-hit';
import type { Source, Utm } from './referrer';

interface VisitState {
  /** The stored visit's id; null for a visit this batch creates (then `index` is its place among them). */
  id: string | null;
  index: number;
  /** Where the visit came from; every event of the visit is attributed to it. */
  source: EnrichedHit['source'];
  utm: EnrichedHit['utm'];
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

/** A visit as loaded from the table: bigints travel as text, attribution as flat columns. */
interface StoredVisit extends Source, Utm {
  id: string;
  siteId: string;
  visitorId: string;
  startedAt: Date;
  lastSeenAt: Date;
  entryPath: string;
  exitPath: string;
  pageviews: number;
  events: number;
}

// No object spread on this path: V8 (Node 20) took 5–45 µs per `{ ...a, b }` of this size here,
// more than the rest of a row's work (measured with bench/ingest.ts's CPU time per hit).
const key = (siteId: string, visitorId: bigint) => `${siteId}:${visitorId}`;

export async function writeHits(pool: pg.Pool, hits: EnrichedHit[]): Promise<void> {
  if (hits.length === 0) return;
  const ordered = [...hits].sort((a, b) => a.timestamp.getTime() - b.timestamp.getTime());
  await inTwoTripTransaction(pool, lockAndLoadVisits(ordered), (results, execute) => {
    const visits = new Map<string, VisitState>();
    for (const row of results.at(-1)!.rows as StoredVisit[]) {
      visits.set(key(row.siteId, BigInt(row.visitorId)), fromStoredVisit(row));
    }
    const created: VisitState[] = [];
    const assigned = ordered.map((hit) => {
      let visit = visits.get(key(hit.siteId, hit.visitorId));
      if (!visit && hit.previousVisitorId !== null) {
        // Just after midnight the salt changed: continue the visit found under yesterday's id.
        visit = visits.get(key(hit.siteId, hit.previousVisitorId));
      }
      if (!visit || hit.timestamp.getTime() - visit.lastSeenAt.getTime() >= VISIT_TIMEOUT_MS) {
        visit = startVisit(hit, created.length);
        created.push(visit);
      }
      // Under today's id only a visit of today's id: one continued from before midnight is found under
      // yesterday's id, and only while the hit carries it (the grace period), in this batch as in the next.
      if (visit.visitorId === hit.visitorId) visits.set(key(hit.siteId, hit.visitorId), visit);
      extendVisit(visit, hit);
      return visit;
    });

    const { statement, args } = visitBatchStatement({
      newVisits: created.map(toNewVisitRow),
      changedVisits: [...new Set(visits.values())]
        .filter((visit) => visit.changed && visit.id !== null)
        .map(toChangedVisitRow),
      events: ordered.map((hit, index) => toEventRow(hit, assigned[index]!)),
    });
    return execute(statement, args);
  });
}

/** Locks the batch's visitors (in sorted order: two batches sharing visitors cannot deadlock). */
const LOCK_VISITORS: PreparedStatement = {
  key: 'lock_visitors',
  types: ['json'],
  text: `SELECT count(*) FROM (SELECT pg_advisory_xact_lock(hashtextextended(k, 0))
                              FROM json_array_elements_text($1) AS k
                             ORDER BY k) AS locked`,
};

/**
 * The latest visit of each (siteId, visitorId) pair in $1 that was still going on at $2. Each comes
 * from one backward probe of ("siteId", "visitorId", "lastSeenAt"): a lateral LIMIT 1 per visitor,
 * planned with sequential scans and sorts off (lib/db/sql.ts), so the planner keeps to the probe
 * whatever the table's statistics say (tested). A semi-join with DISTINCT ON planned a sequential scan of
 * "Visit" while the table was young or its statistics stale (every batch then read every visit: 45%
 * of PostgreSQL's time in bench:ingest).
 */
export const CONTINUING_VISITS: PreparedStatement = {
  key: 'continuing_visits',
  types: ['json', 'timestamptz'],
  text: `SELECT visit.id::text, visit."siteId", visit."visitorId"::text, visit."startedAt", visit."lastSeenAt",
                visit."entryPath", visit."exitPath", visit.pageviews, visit.events, visit."referrerDomain",
                visit."referrerSource", visit.channel, visit."utmSource", visit."utmMedium", visit."utmCampaign",
                visit."utmTerm", visit."utmContent"
           FROM json_to_recordset($1) AS t(s text, v bigint)
          CROSS JOIN LATERAL (SELECT * FROM "Visit"
                               WHERE "siteId" = t.s AND "visitorId" = t.v AND "lastSeenAt" > $2
                               ORDER BY "lastSeenAt" DESC
                               LIMIT 1) AS visit`,
};

/**
 * The arguments of the two statements sent together after BEGIN: lock the batch's visitors, then
 * (with a snapshot taken after the locks) load their visits that may continue.
 */
export function visitLookupArgs(hits: EnrichedHit[]): { lock: string[]; lookup: string[] } {
  const pairs = new Map<string, { s: string; v: string }>();
  for (const hit of hits) {
    pairs.set(key(hit.siteId, hit.visitorId), { s: hit.siteId, v: hit.visitorId.toString() });
    if (hit.previousVisitorId !== null)
      pairs.set(key(hit.siteId, hit.previousVisitorId), { s: hit.siteId, v: hit.previousVisitorId.toString() });
  }
  const since = new Date(hits[0]!.timestamp.getTime() - VISIT_TIMEOUT_MS).toISOString();
  return { lock: [JSON.stringify([...pairs.keys()])], lookup: [JSON.stringify([...pairs.values()]), since] };
}

const lockAndLoadVisits = (hits: EnrichedHit[]) => (execute: Execute) => {
  const { lock, lookup } = visitLookupArgs(hits);
  return `${execute(LOCK_VISITORS, lock)}; ${execute(CONTINUING_VISITS, lookup)}`;
};

function fromStoredVisit(row: StoredVisit): VisitState {
  return {
    id: row.id,
    index: -1,
    source: { referrerDomain: row.referrerDomain, referrerSource: row.referrerSource, channel: row.channel },
    utm: {
      utmSource: row.utmSource,
      utmMedium: row.utmMedium,
      utmCampaign: row.utmCampaign,
      utmTerm: row.utmTerm,
      utmContent: row.utmContent,
    },
    siteId: row.siteId,
    visitorId: BigInt(row.visitorId),
    startedAt: row.startedAt,
    lastSeenAt: row.lastSeenAt,
    entryPath: row.entryPath,
    exitPath: row.exitPath,
    pageviews: row.pageviews,
    events: row.events,
    first: null,
    changed: false,
  };
}

function startVisit(hit: EnrichedHit, index: number): VisitState {
  return {
    id: null,
    index,
    source: hit.source,
    utm: hit.utm,
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

function toNewVisitRow(visit: VisitState, n: number): NewVisitRow {
  const { source, utm } = visit;
  const { place, device, screen } = visit.first!;
  return {
    n,
    siteId: visit.siteId,
    visitorId: visit.visitorId.toString(),
    startedAt: visit.startedAt,
    lastSeenAt: visit.lastSeenAt,
    entryPath: visit.entryPath,
    exitPath: visit.exitPath,
    pageviews: visit.pageviews,
    events: visit.events,
    referrerDomain: source.referrerDomain,
    referrerSource: source.referrerSource,
    channel: source.channel,
    utmSource: utm.utmSource,
    utmMedium: utm.utmMedium,
    utmCampaign: utm.utmCampaign,
    utmTerm: utm.utmTerm,
    utmContent: utm.utmContent,
    country: place.country,
    region: place.region,
    city: place.city,
    browser: device.browser,
    browserVersion: device.browserVersion,
    os: device.os,
    osVersion: device.osVersion,
    device: device.device,
    screen,
  };
}

function toChangedVisitRow(visit: VisitState): ChangedVisitRow {
  const { id, lastSeenAt, pageviews, events, entryPath, exitPath } = visit;
  return { id: id!, lastSeenAt, pageviews, events, entryPath, exitPath };
}

/** The event takes its visit's attribution, and its own place and device. */
function toEventRow(hit: EnrichedHit, visit: VisitState): EventRow {
  const { source, utm } = visit;
  const { place, device } = hit;
  return {
    siteId: hit.siteId,
    timestamp: hit.timestamp,
    name: hit.name,
    // The visit's visitor: after midnight that is yesterday's id, so the visitor counts once.
    visitorId: visit.visitorId.toString(),
    visitId: visit.id,
    newVisit: visit.id === null ? visit.index : null,
    hostname: hit.hostname,
    pathname: hit.pathname,
    referrerDomain: source.referrerDomain,
    referrerSource: source.referrerSource,
    channel: source.channel,
    utmSource: utm.utmSource,
    utmMedium: utm.utmMedium,
    utmCampaign: utm.utmCampaign,
    utmTerm: utm.utmTerm,
    utmContent: utm.utmContent,
    country: place.country,
    region: place.region,
    city: place.city,
    browser: device.browser,
    browserVersion: device.browserVersion,
    os: device.os,
    osVersion: device.osVersion,
    device: device.device,
    screen: hit.screen,
    props: hit.props,
    revenueAmount: hit.revenue?.amount ?? null,
    revenueCurrency: hit.revenue?.currency ?? null,
  };
}
