import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createTestDatabase, type TestDatabase } from '@/lib/db/test-database';

import { writeVisits } from './write-visits';

let test: TestDatabase;
let siteId: string;

beforeAll(async () => {
  test = await createTestDatabase();
  const team = await test.db.team.create({ data: { name: 'T' } });
  siteId = (await test.db.site.create({ data: { teamId: team.id, domain: 'write.example.com' } })).id;
});

afterAll(() => test.drop());

describe('writeVisits', () => {
  it('stores every dimension of visits and events exactly, with visit summaries derived from events', async () => {
    const start = new Date('2026-11-20T23:50:00.000Z');
    const at = (seconds: number) => new Date(start.getTime() + seconds * 1000);
    const result = await writeVisits(test.db, siteId, [
      {
        hostname: 'write.example.com',
        dimensions: {
          visitorId: -42n,
          channel: 'search',
          referrerSource: 'Google',
          referrerDomain: 'google.com',
          utmCampaign: 'winter',
          country: 'US',
          region: 'California',
          city: 'San Francisco',
          browser: 'Firefox',
          browserVersion: '150',
          os: 'Linux',
          device: 'desktop',
          screen: 'desktop',
        },
        events: [
          { timestamp: at(0), name: 'pageview', pathname: '/' },
          {
            timestamp: at(30),
            name: 'Signup',
            pathname: '/pricing',
            props: { plan: 'pro' },
            revenue: { amount: '19.5', currency: 'EUR' },
          },
          { timestamp: at(600), name: 'pageview', pathname: '/pricing' },
        ],
      },
      {
        hostname: 'write.example.com',
        dimensions: { visitorId: 7n, channel: 'direct' },
        events: [{ timestamp: at(5), name: 'pageview', pathname: '/ünïcode/"quotes"' }],
      },
    ]);
    expect(result).toEqual({ visits: 2, events: 4 });

    const visits = await test.db.visit.findMany({ where: { siteId }, orderBy: { visitorId: 'asc' } });
    expect(visits).toHaveLength(2);
    expect(visits[0]).toMatchObject({
      visitorId: -42n,
      startedAt: at(0),
      lastSeenAt: at(600),
      entryPath: '/',
      exitPath: '/pricing',
      pageviews: 2,
      events: 3,
      country: 'US',
      city: 'San Francisco',
      utmCampaign: 'winter',
    });
    expect(visits[1]).toMatchObject({ visitorId: 7n, pageviews: 1, entryPath: '/ünïcode/"quotes"', country: null });

    const events = await test.db.event.findMany({ where: { visitId: visits[0]!.id }, orderBy: { timestamp: 'asc' } });
    expect(events.map((e) => e.name)).toEqual(['pageview', 'Signup', 'pageview']);
    expect(events[1]).toMatchObject({ country: 'US', revenueCurrency: 'EUR', props: { plan: 'pro' }, visitorId: -42n });
    expect(events[1]!.revenueAmount?.toString()).toBe('19.5');
  });

  it('rejects a visit without a pageview and stores nothing from its batch', async () => {
    const before = await test.db.event.count();
    await expect(
      writeVisits(test.db, siteId, [
        { hostname: 'write.example.com', dimensions: { visitorId: 1n, channel: 'direct' }, events: [] },
      ]),
    ).rejects.toThrow('A visit needs at least one pageview');
    expect(await test.db.event.count()).toBe(before);
  });
});
