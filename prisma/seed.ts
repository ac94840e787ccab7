// Demo data: a user, a team, a site and ~30 days of plausible traffic, so a fresh install shows
// a living dashboard. Deterministic (seeded PRNG) so screenshots and tests see stable shapes.
// The traffic is stored by the ingest pipeline's own writer (lib/ingest/write-hits.ts), which
// assembles visits exactly as it does for live hits; only the enrichment is simulated.
import type pg from 'pg';

import { hashPassword } from '@/lib/auth/password';
import type { Database } from '@/lib/db/client';
import type { EnrichedHit } from '@/lib/ingest/enriched-hit';
import { writeHits } from '@/lib/ingest/write-hits';
import { runRollups } from '@/lib/stats/rollups/run-rollups';

export const DEMO_EMAIL = 'demo@glance.local';
export const DEMO_PASSWORD = 'glance-demo-password';
export const DEMO_DOMAIN = 'demo.glance.local';

type Weighted<T> = readonly (readonly [T, number])[];

/** A small seeded generator (mulberry32): the same numbers on every run. */
export function prng(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const pick = <T>(items: Weighted<T>): T => {
    const total = items.reduce((sum, [, weight]) => sum + weight, 0);
    let roll = next() * total;
    for (const [item, weight] of items) {
      roll -= weight;
      if (roll <= 0) return item;
    }
    return items[items.length - 1]![0];
  };
  return { next, pick, int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)) };
}

interface Source {
  channel: string;
  referrerSource: string | null;
  referrerDomain: string | null;
  utm?: { utmSource: string; utmMedium: string; utmCampaign: string };
}

const SOURCES: Weighted<Source> = [
  [{ channel: 'direct', referrerSource: null, referrerDomain: null }, 30],
  [{ channel: 'search', referrerSource: 'Google', referrerDomain: 'google.com' }, 28],
  [{ channel: 'search', referrerSource: 'DuckDuckGo', referrerDomain: 'duckduckgo.com' }, 6],
  [{ channel: 'search', referrerSource: 'Bing', referrerDomain: 'bing.com' }, 4],
  [{ channel: 'social', referrerSource: 'Hacker News', referrerDomain: 'news.ycombinator.com' }, 8],
  [{ channel: 'social', referrerSource: 'Reddit', referrerDomain: 'reddit.com' }, 5],
  [{ channel: 'social', referrerSource: 'Mastodon', referrerDomain: 'mastodon.social' }, 3],
  [{ channel: 'referral', referrerSource: 'github.com', referrerDomain: 'github.com' }, 6],
  [{ channel: 'referral', referrerSource: 'dev.to', referrerDomain: 'dev.to' }, 2],
  [
    {
      channel: 'email',
      referrerSource: 'Newsletter',
      referrerDomain: null,
      utm: { utmSource: 'newsletter', utmMedium: 'email', utmCampaign: 'monthly-update' },
    },
    4,
  ],
  [
    {
      channel: 'paid',
      referrerSource: 'Google Ads',
      referrerDomain: 'google.com',
      utm: { utmSource: 'google', utmMedium: 'cpc', utmCampaign: 'privacy-analytics' },
    },
    4,
  ],
];

const PAGES: Weighted<string> = [
  ['/', 40],
  ['/pricing', 14],
  ['/blog', 10],
  ['/blog/cookieless-analytics', 9],
  ['/blog/gdpr-without-banners', 6],
  ['/docs', 8],
  ['/docs/getting-started', 7],
  ['/features', 6],
  ['/about', 3],
  ['/contact', 2],
];

const PLACES: Weighted<{ country: string; region: string; city: string }> = [
  [{ country: 'US', region: 'California', city: 'San Francisco' }, 24],
  [{ country: 'DE', region: 'Berlin', city: 'Berlin' }, 14],
  [{ country: 'GB', region: 'England', city: 'London' }, 10],
  [{ country: 'FR', region: 'Île-de-France', city: 'Paris' }, 8],
  [{ country: 'NL', region: 'North Holland', city: 'Amsterdam' }, 6],
  [{ country: 'IN', region: 'Karnataka', city: 'Bengaluru' }, 7],
  [{ country: 'CA', region: 'Ontario', city: 'Toronto' }, 5],
  [{ country: 'BR', region: 'São Paulo', city: 'São Paulo' }, 4],
  [{ country: 'JP', region: 'Tokyo', city: 'Tokyo' }, 4],
  [{ country: 'SE', region: 'Stockholm', city: 'Stockholm' }, 3],
  [{ country: 'AU', region: 'New South Wales', city: 'Sydney' }, 3],
  [{ country: 'ES', region: 'Madrid', city: 'Madrid' }, 3],
];

const DEVICES: Weighted<{
  device: string;
  os: string;
  osVersion: string;
  browser: string;
  browserVersion: string;
  screen: string;
}> = [
  [
    { device: 'desktop', os: 'Windows', osVersion: '11', browser: 'Chrome', browserVersion: '156', screen: 'desktop' },
    24,
  ],
  [
    { device: 'desktop', os: 'Mac OS', osVersion: '15', browser: 'Safari', browserVersion: '26', screen: 'desktop' },
    12,
  ],
  [
    { device: 'desktop', os: 'Mac OS', osVersion: '15', browser: 'Chrome', browserVersion: '156', screen: 'desktop' },
    10,
  ],
  [{ device: 'desktop', os: 'Linux', osVersion: '', browser: 'Firefox', browserVersion: '150', screen: 'desktop' }, 7],
  [{ device: 'desktop', os: 'Windows', osVersion: '10', browser: 'Edge', browserVersion: '156', screen: 'laptop' }, 6],
  [
    { device: 'mobile', os: 'iOS', osVersion: '26', browser: 'Mobile Safari', browserVersion: '26', screen: 'mobile' },
    20,
  ],
  [
    { device: 'mobile', os: 'Android', osVersion: '16', browser: 'Chrome', browserVersion: '156', screen: 'mobile' },
    15,
  ],
  [
    { device: 'tablet', os: 'iOS', osVersion: '26', browser: 'Mobile Safari', browserVersion: '26', screen: 'tablet' },
    4,
  ],
];

export const DEMO_GOALS = [
  { kind: 'EVENT', eventName: 'Signup', pathPattern: null, displayName: 'Signup' },
  { kind: 'EVENT', eventName: 'Download', pathPattern: null, displayName: 'Download' },
  { kind: 'PAGEVIEW', eventName: null, pathPattern: '/pricing', displayName: 'Visit /pricing' },
] as const;

/** A funnel on the demo site (lib/sites/funnels.ts step format). */
export const DEMO_FUNNEL = {
  name: 'Pricing to signup',
  steps: [
    { kind: 'PAGEVIEW', pathPattern: '/pricing' },
    { kind: 'EVENT', eventName: 'Signup' },
  ],
};

interface DemoEvent {
  timestamp: Date;
  name: string;
  pathname: string;
  props?: Record<string, string>;
  revenue?: { amount: string; currency: string };
}

type Dimensions = Pick<EnrichedHit, 'visitorId' | 'source' | 'utm' | 'place' | 'device' | 'screen'>;

/** Builds `days` days of hits ending at `now`, in time order; pure, so it can be tested and reused. */
export function buildDemoHits(siteId: string, now: Date, days = 30, seed = 20_261_123): EnrichedHit[] {
  const random = prng(seed);
  const returningVisitors: bigint[] = [];
  const hits: EnrichedHit[] = [];
  const dayMs = 86_400_000;
  const startOfToday = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  for (let dayIndex = days - 1; dayIndex >= 0; dayIndex -= 1) {
    const dayStart = startOfToday - dayIndex * dayMs;
    const weekday = new Date(dayStart).getUTCDay();
    const weekend = weekday === 0 || weekday === 6;
    const growth = 1 + (days - dayIndex) / (days * 2.5);
    const base = (weekend ? 120 : 190) * growth;
    // A launch spike from Hacker News ten days ago.
    const spike = dayIndex === 10 ? 2.2 : 1;
    const count = Math.round(base * spike * (0.85 + random.next() * 0.3));
    // Ids come from the day's salt: someone coming back is the same visitor only on the same UTC day.
    returningVisitors.length = 0;
    for (let n = 0; n < count; n += 1) {
      // Daytime-weighted start, in UTC; today only up to the current time.
      const hour = random.pick<number>([...Array(24).keys()].map((h) => [h, h >= 7 && h <= 21 ? 3 : 1] as const));
      const start = new Date(dayStart + hour * 3_600_000 + random.int(0, 3_599_999));
      if (start > now) continue;
      const visit = buildVisit(random, start, now, returningVisitors, spike > 1);
      for (const event of visit.events) {
        hits.push({
          ...visit.dimensions,
          siteId,
          timestamp: event.timestamp,
          name: event.name,
          previousVisitorId: null,
          hostname: DEMO_DOMAIN,
          pathname: event.pathname,
          props: event.props ?? null,
          revenue: event.revenue ?? null,
        });
      }
    }
  }
  return hits.sort((a, b) => a.timestamp.getTime() - b.timestamp.getTime());
}

function buildVisit(
  random: ReturnType<typeof prng>,
  start: Date,
  now: Date,
  returning: bigint[],
  spikeDay: boolean,
): { dimensions: Dimensions; events: DemoEvent[] } {
  const isReturning = returning.length > 50 && random.next() < 0.25;
  const visitorId = isReturning
    ? returning[random.int(0, returning.length - 1)]!
    : BigInt.asIntN(64, (BigInt(random.int(0, 2 ** 31)) << 32n) | BigInt(random.int(0, 2 ** 32 - 1)));
  if (!isReturning) returning.push(visitorId);
  const source: Source = spikeDay && random.next() < 0.5 ? SOURCES[4]![0] : random.pick(SOURCES);
  const place = random.pick(PLACES);
  const device = random.pick(DEVICES);
  const pageviewCount = random.next() < 0.42 ? 1 : random.int(2, 7);
  const events: DemoEvent[] = [];
  let at = start.getTime();
  let path = source.channel === 'search' && random.next() < 0.5 ? '/blog/cookieless-analytics' : random.pick(PAGES);
  for (let i = 0; i < pageviewCount; i += 1) {
    if (at > now.getTime()) break;
    events.push({ timestamp: new Date(at), name: 'pageview', pathname: path });
    if (path === '/docs/getting-started' && random.next() < 0.3) {
      events.push({
        timestamp: new Date(at + 20_000),
        name: 'Download',
        pathname: path,
        props: { file: 'glance-guide.pdf' },
      });
    }
    if (path === '/pricing' && random.next() < 0.12) {
      const plan = random.pick<string>([
        ['starter', 3],
        ['growth', 2],
        ['business', 1],
      ]);
      events.push({
        timestamp: new Date(at + 45_000),
        name: 'Signup',
        pathname: path,
        props: { plan },
        revenue: { amount: { starter: '9.00', growth: '19.00', business: '49.00' }[plan]!, currency: 'EUR' },
      });
    }
    at += random.int(15, 240) * 1000;
    path = random.pick(PAGES);
  }
  const { utmSource = null, utmMedium = null, utmCampaign = null } = source.utm ?? {};
  return {
    events: events.filter((event) => event.timestamp.getTime() <= now.getTime()),
    dimensions: {
      visitorId,
      source: {
        channel: source.channel as EnrichedHit['source']['channel'],
        referrerSource: source.referrerSource,
        referrerDomain: source.referrerDomain,
      },
      utm: { utmSource, utmMedium, utmCampaign, utmTerm: null, utmContent: null },
      place,
      device: {
        browser: device.browser,
        browserVersion: device.browserVersion,
        os: device.os,
        osVersion: device.osVersion || null,
        device: device.device as EnrichedHit['device']['device'],
      },
      screen: device.screen,
    },
  };
}

/** Creates the demo account and traffic unless a user already exists; returns whether it did. */
export async function seedDemo(db: Database, pool: pg.Pool, now = new Date()): Promise<boolean> {
  if ((await db.user.count()) > 0) return false;
  const user = await db.user.create({
    data: {
      email: DEMO_EMAIL,
      name: 'Demo User',
      passwordHash: await hashPassword(DEMO_PASSWORD),
      emailVerifiedAt: now,
    },
  });
  const team = await db.team.create({
    data: {
      name: 'Demo Team',
      memberships: { create: { userId: user.id, role: 'OWNER' } },
      subscription: {
        create: { status: 'trialing', plan: 'trial', trialEndsAt: new Date(now.getTime() + 30 * 86_400_000) },
      },
    },
  });
  const site = await db.site.create({
    data: { teamId: team.id, domain: DEMO_DOMAIN, timezone: 'Europe/Berlin', collectCityLevel: true },
  });
  await db.goal.createMany({ data: DEMO_GOALS.map((goal) => ({ ...goal, siteId: site.id })) });
  await db.funnel.create({ data: { ...DEMO_FUNNEL, siteId: site.id } });
  const hits = buildDemoHits(site.id, now);
  for (let start = 0; start < hits.length; start += 2_000) await writeHits(pool, hits.slice(start, start + 2_000));
  // Fresh planner statistics: without them the first dashboards use nested loops over thousands of rows
  // (and the embedded PGlite has no autovacuum to gather them later).
  await pool.query('ANALYZE "Event", "Visit"');
  // The finished days' totals, as the app server's rollup job would build them.
  await runRollups(db, now);
  await pool.query('ANALYZE "Rollup", "RollupDay"');
  return true;
}
