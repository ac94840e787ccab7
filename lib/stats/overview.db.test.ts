import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createTestDatabase, type TestDatabase } from '@/lib/db/test-database';
import { testHit } from '@/lib/ingest/test-hit';
import { writeHits } from '@/lib/ingest/write-hits';

import { fillDays, queryOverview } from './overview';

let test: TestDatabase;
let site: { id: string; timezone: string };

const ago = (minutes: number) => new Date(Date.now() - minutes * 60_000);
const hit = (visitorId: bigint, at: Date, pathname: string, referrerSource: string | null = null) =>
  testHit(site.id, visitorId, at, pathname, {
    source: { referrerDomain: null, referrerSource, channel: referrerSource ? 'search' : 'direct' },
    place: { country: 'FR', region: null, city: null },
  });

beforeAll(async () => {
  test = await createTestDatabase();
  const team = await test.db.team.create({ data: { name: 'T' } });
  site = await test.db.site.create({
    data: { teamId: team.id, domain: 'stats.example.com', timezone: 'UTC' },
    select: { id: true, timezone: true },
  });
  await writeHits(test.pool, [
    // This week: A views two pages ten minutes apart; B bounces.
    hit(1n, ago(70), '/', 'Google'),
    hit(1n, ago(60), '/pricing', 'Google'),
    hit(2n, ago(30), '/'),
    // The week before (8 days ago): C bounces.
    hit(3n, ago(8 * 24 * 60), '/old'),
  ]);
});
afterAll(() => test.drop());

describe('queryOverview', () => {
  it('counts visitors, visits, pageviews, bounce rate and duration for the period', async () => {
    const overview = await queryOverview(test.db, site, 7);
    expect(overview.topLine).toEqual({
      visitors: 2,
      visits: 2,
      pageviews: 3,
      viewsPerVisit: 1.5,
      bounceRate: 0.5,
      visitDurationSeconds: 300,
    });
    expect(overview.topPages).toEqual([
      { label: '/', visitors: 2, count: 2 },
      { label: '/pricing', visitors: 1, count: 1 },
    ]);
    expect(overview.topSources).toEqual([
      { label: 'Direct / None', visitors: 1, count: 1 },
      { label: 'Google', visitors: 1, count: 1 },
    ]);
    expect(overview.series).toHaveLength(7);
    expect(overview.series.reduce((sum, day) => sum + day.pageviews, 0)).toBe(3);
  });

  it('compares with the same stretch of time one period earlier', async () => {
    const overview = await queryOverview(test.db, site, 7);
    expect(overview.previous).toMatchObject({ visitors: 1, visits: 1, pageviews: 1, bounceRate: 1 });
    const longer = await queryOverview(test.db, site, 30);
    expect(longer.topLine.visitors).toBe(3);
    expect(longer.previous.visitors).toBe(0);
  });

  it('fills days without traffic with zeros', () => {
    expect(fillDays([{ day: '2026-11-20', visitors: 4, pageviews: 9 }], '2026-11-21', 3)).toEqual([
      { day: '2026-11-19', visitors: 0, pageviews: 0 },
      { day: '2026-11-20', visitors: 4, pageviews: 9 },
      { day: '2026-11-21', visitors: 0, pageviews: 0 },
    ]);
  });
});
