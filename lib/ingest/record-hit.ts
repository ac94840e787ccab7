// The ingest pipeline for one hit: find the site, drop what must not be counted, derive the
// anonymous visitor id and the coarse dimensions, then queue the row for group commit.
// The IP address and User-Agent exist only in this function's arguments.
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';

import { isExcludedIp } from '@/lib/privacy/excluded-ips';
import type { SaltStore } from '@/lib/privacy/salts';
import { visitorId } from '@/lib/privacy/visitor-id';

import type { EnrichedHit } from './enriched-hit';
import { locate } from './geo';
import type { Hit } from './hit-schema';
import { belongsToSite, matchesPathPattern, readPageUrl } from './page-url';
import { QueueClosedError, QueueFullError, type IngestQueue } from './queue';
import { classifySource } from './referrer';
import type { SiteCache } from './site-cache';
import { screenClass } from './user-agent';
import { describeUserAgent } from './user-agent-cache';

export interface RequestFacts {
  ip: string | null;
  userAgent: string;
  /** DNT: 1 or Sec-GPC: 1 was sent. */
  optOutSignal: boolean;
  now: Date;
}

export type Outcome =
  | { status: 'accepted' }
  | { status: 'dropped'; reason: string }
  | { status: 'rejected'; httpStatus: number; message: string; retryAfterSeconds?: number };

/**
 * Billing's gate (lib/billing/recording-gate.ts): false while the site's team does not record (trial
 * ended, unpaid, or over quota after the grace periods). Cached there: no query per hit.
 */
export type RecordingGate = (siteId: string) => Promise<boolean>;

export interface IngestDeps {
  sites: SiteCache;
  salts: SaltStore;
  queue: IngestQueue;
  limits: { perSite: RateLimiterMemory; perVisitor: RateLimiterMemory };
  recordingAllowed?: RecordingGate;
}

export function createLimits() {
  return {
    perSite: new RateLimiterMemory({ points: 5_000, duration: 1 }),
    perVisitor: new RateLimiterMemory({ points: 60, duration: 10 }),
  };
}

async function consume(limiter: RateLimiterMemory, key: string): Promise<number | null> {
  try {
    await limiter.consume(key);
    return null;
  } catch (error) {
    if (error instanceof RateLimiterRes) return Math.max(1, Math.ceil(error.msBeforeNext / 1000));
    throw error;
  }
}

export async function recordHit(deps: IngestDeps, hit: Hit, facts: RequestFacts): Promise<Outcome> {
  const site = await deps.sites.byDomain(hit.d);
  if (!site) return { status: 'rejected', httpStatus: 404, message: `no site is registered for domain "${hit.d}"` };
  const agent = describeUserAgent(facts.userAgent);
  if (agent.automated) return { status: 'dropped', reason: 'bot' };
  if (facts.optOutSignal && site.respectDoNotTrack) return { status: 'dropped', reason: 'do-not-track' };

  const page = readPageUrl(hit.u, { hashRouting: Boolean(hit.h), allowedQueryParams: site.allowedQueryParams });
  if (!belongsToSite(page.hostname, site.domain)) return { status: 'dropped', reason: 'hostname' };
  if (site.excludedPaths.some((pattern) => matchesPathPattern(page.pathname, pattern))) {
    return { status: 'dropped', reason: 'excluded-path' };
  }
  if (!facts.ip) return { status: 'dropped', reason: 'no-client-address' };
  if (isExcludedIp(site.excludedIpHashes, site.id, facts.ip)) return { status: 'dropped', reason: 'excluded-ip' };
  if (deps.recordingAllowed && !(await deps.recordingAllowed(site.id))) {
    return { status: 'dropped', reason: 'recording-paused' };
  }

  const salts = await deps.salts.saltsAt(facts.now);
  const visitor = visitorId(salts.current, site.id, facts.ip, facts.userAgent);
  const previous = salts.previous ? visitorId(salts.previous, site.id, facts.ip, facts.userAgent) : null;

  const retryAfter =
    (await consume(deps.limits.perSite, site.id)) ?? (await consume(deps.limits.perVisitor, `${site.id}:${visitor}`));
  if (retryAfter)
    return { status: 'rejected', httpStatus: 429, message: 'too many events', retryAfterSeconds: retryAfter };

  const name = hit.n;
  const enriched: EnrichedHit = {
    siteId: site.id,
    timestamp: facts.now,
    name,
    visitorId: visitor,
    previousVisitorId: previous,
    hostname: page.hostname,
    pathname: page.pathname,
    source: classifySource(hit.r, page.hostname, page.utm, page.clickId),
    utm: page.utm,
    place: locate(facts.ip, site.collectCityLevel),
    device: agent.device,
    screen: screenClass(hit.w),
    props: hit.p && Object.keys(hit.p).length ? hit.p : null,
    revenue: hit.$ ? { amount: hit.$.a, currency: hit.$.c } : null,
  };
  try {
    await deps.queue.enqueue(enriched);
  } catch (error) {
    if (error instanceof QueueFullError || error instanceof QueueClosedError) {
      return { status: 'rejected', httpStatus: 503, message: 'busy, retry shortly', retryAfterSeconds: 1 };
    }
    throw error;
  }
  return { status: 'accepted' };
}
