// For tests: seeded, production-like traffic. Visitor ids change with each UTC day, as the daily salt
// makes them, and a visit going on in the first 30 minutes after midnight carries yesterday's id as
// ingest gives it; visits start at any hour, around midnights on purpose, with custom events,
// properties and revenue.
import type { EnrichedHit } from '@/lib/ingest/enriched-hit';
import type { Source } from '@/lib/ingest/referrer';
import { testHit } from '@/lib/ingest/test-hit';
import type { DeviceInfo } from '@/lib/ingest/user-agent';
import { SALT_GRACE_MS, utcDay } from '@/lib/privacy/salts';
import { prng } from '@/prisma/seed';

const SOURCES: Source[] = [
  { referrerDomain: null, referrerSource: null, channel: 'direct' },
  { referrerDomain: 'www.google.com', referrerSource: 'Google', channel: 'search' },
  { referrerDomain: 'news.ycombinator.com', referrerSource: 'Hacker News', channel: 'social' },
  { referrerDomain: 'github.com', referrerSource: 'GitHub', channel: 'referral' },
];
const PAGES = ['/', '/pricing', '/blog/a', '/blog/b', '/docs/start', '/docs/api', '/about'];
const COUNTRIES = ['DE', 'FR', 'US', 'NP', null];
const BROWSERS: DeviceInfo[] = [
  { browser: 'Firefox', browserVersion: '150', os: 'Linux', osVersion: null, device: 'desktop' },
  { browser: 'Chrome', browserVersion: '140', os: 'Android', osVersion: '15', device: 'mobile' },
  { browser: 'Safari', browserVersion: '19', os: 'iOS', osVersion: '19', device: 'tablet' },
];

/** A visitor id as the day's salt would make it: different for every person and UTC day. */
const idOf = (person: number, day: string) => BigInt(person) * 100_000n + BigInt(Date.parse(day) / 86_400_000);

/** Hits of `people` over the UTC days from `firstDay` for `days` days, none after `until`; sorted by time. */
export function trafficFixture(
  siteId: string,
  options: { firstDay: string; days: number; people: number; until: Date; seed: number },
): EnrichedHit[] {
  const random = prng(options.seed);
  const pick = <T>(items: readonly T[]) => items[random.int(0, items.length - 1)]!;
  const hits: EnrichedHit[] = [];
  const start = Date.parse(`${options.firstDay}T00:00:00Z`);
  for (let person = 1; person <= options.people; person += 1) {
    const device = pick(BROWSERS);
    const country = pick(COUNTRIES);
    for (let day = 0; day < options.days; day += 1) {
      const visits = random.next() < 0.45 ? 0 : random.int(1, 2);
      for (let visit = 0; visit < visits; visit += 1) {
        // A third of visits begin in the last 40 minutes of a UTC day, to cross midnight.
        const offset = random.next() < 0.33 ? 86_400_000 - random.int(60_000, 2_400_000) : random.int(0, 86_399_999);
        let at = start + day * 86_400_000 + offset;
        const source = pick(SOURCES);
        const hostname = random.next() < 0.8 ? 'www.example.com' : 'docs.example.com';
        const pageviews = random.next() < 0.4 ? 1 : random.int(2, 5);
        for (let n = 0; n < pageviews; n += 1) {
          const hit = (name: string, pathname: string, extra: Partial<EnrichedHit> = {}) => {
            const when = new Date(at);
            if (when > options.until) return;
            const today = utcDay(when);
            const inGrace = at - Date.parse(`${today}T00:00:00Z`) < SALT_GRACE_MS;
            const yesterday = utcDay(new Date(at - 86_400_000));
            hits.push(
              testHit(siteId, idOf(person, today), when, pathname, {
                name,
                hostname,
                source,
                device,
                place: { country, region: null, city: null },
                previousVisitorId: inGrace ? idOf(person, yesterday) : null,
                ...extra,
              }),
            );
          };
          const path = pick(PAGES);
          hit('pageview', path);
          if (path === '/pricing' && random.next() < 0.4) {
            at += 5_000;
            const plan = pick(['starter', 'pro']);
            hit('Signup', path, {
              props: { plan },
              revenue: { amount: plan === 'pro' ? '19.50' : '9', currency: 'EUR' },
            });
          }
          if (path.startsWith('/docs') && random.next() < 0.3) {
            at += 3_000;
            hit('Download', path, { props: { file: pick(['guide.pdf', 'api.pdf']) } });
          }
          at += random.int(5, 1_500) * 1_000;
        }
      }
    }
  }
  return hits.sort((a, b) => a.timestamp.getTime() - b.timestamp.getTime());
}
