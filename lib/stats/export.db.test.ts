// Exports: the CSV holds the breakdown's rows, spreadsheets never read a value as a formula, and
// every export leaves an audit entry.
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createTestDatabase, type TestDatabase } from '@/lib/db/test-database';
import { testHit } from '@/lib/ingest/test-hit';
import { writeHits } from '@/lib/ingest/write-hits';

import { parseDashboardView } from './dashboard-view';
import { exportBreakdownCsv, exportViewZip } from './export';

let test: TestDatabase;
let actor: { userId: string; teamId: string };
let site: { id: string; timezone: string };

beforeAll(async () => {
  test = await createTestDatabase();
  const user = await test.db.user.create({ data: { email: 'export@example.com' } });
  const team = await test.db.team.create({ data: { name: 'Export' } });
  actor = { userId: user.id, teamId: team.id };
  site = await test.db.site.create({
    data: { teamId: team.id, domain: 'export.example.com', timezone: 'UTC' },
    select: { id: true, timezone: true },
  });
  const at = new Date(Date.now() - 3_600_000);
  await writeHits(test.pool, [
    testHit(site.id, 1n, at, '/a'),
    testHit(site.id, 2n, at, '/a'),
    testHit(site.id, 2n, new Date(at.getTime() + 60_000), '/b, "quoted"'),
    testHit(site.id, 3n, at, '/a', { name: 'Signup', props: { plan: '=HYPERLINK("http://evil")' } }),
  ]);
});
afterAll(() => test.drop());

describe('exports', () => {
  it('writes a breakdown as CSV, quoting what needs it, and audit-logs the export', async () => {
    const csv = await exportBreakdownCsv(test.db, actor, site, parseDashboardView({ period: '7d' }), 'page');
    expect(csv.split('\r\n')).toEqual([
      'page,visitors,pageviews,bounce_rate,time_on_page',
      // Three visits entered on /a (visitor 3's with only a custom event): two bounced; 60 s to the next page.
      '/a,2,2,0.6666666666666666,60',
      '"/b, ""quoted""",1,1,,',
      '',
    ]);
    expect(await test.db.auditLog.findFirst({ where: { action: 'stats.export' } })).toMatchObject({
      actorId: actor.userId,
      teamId: actor.teamId,
      targetId: site.id,
      metadata: { what: 'page', range: '7d', filters: 0 },
    });
  });

  it('never lets a spreadsheet read a value as a formula', async () => {
    const csv = await exportBreakdownCsv(test.db, actor, site, parseDashboardView({}), 'prop:plan');
    expect(csv).toContain(`"'=HYPERLINK(""http://evil"")"`);
  });

  it('zips every dimension, goals and the time series of the view', async () => {
    const files = unzipSync(await exportViewZip(test.db, actor, site, parseDashboardView({ period: '7d' })));
    expect(Object.keys(files)).toEqual(
      expect.arrayContaining(['timeseries.csv', 'page.csv', 'country.csv', 'goal.csv']),
    );
    const series = strFromU8(files['timeseries.csv']!).trim().split('\r\n');
    expect(series).toHaveLength(8);
    expect(series.slice(1).reduce((sum, line) => sum + Number(line.split(',')[1]), 0)).toBe(3);
  });
});
