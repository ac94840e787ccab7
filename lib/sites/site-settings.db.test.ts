// Site settings: validation, permissions, the audit row, and that ingest obeys a change at once
// (the ingest cache would otherwise keep the old settings for 30 seconds).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createTestDatabase, type TestDatabase } from '@/lib/db/test-database';
import { Forbidden, Invalid, NotFound } from '@/lib/errors';
import { hitSchema } from '@/lib/ingest/hit-schema';
import { IngestQueue } from '@/lib/ingest/queue';
import { createLimits, recordHit } from '@/lib/ingest/record-hit';
import { ingestRuntime, setIngestRuntime } from '@/lib/ingest/runtime';
import { SiteCache } from '@/lib/ingest/site-cache';
import { writeHits } from '@/lib/ingest/write-hits';
import { SaltStore } from '@/lib/privacy/salts';
import { createTeamFixture } from '@/lib/teams/test-fixtures';

import { readSiteSettings, updateSiteSettings } from './site-settings';

const DOMAIN = 'settings.example.com';
const CHROME = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36';
let test: TestDatabase;
const ids: Record<string, string> = {};

beforeAll(async () => {
  test = await createTestDatabase();
  Object.assign(ids, await createTeamFixture(test.db, ['member']));
  ids.site = (await test.db.site.create({ data: { teamId: ids.team!, domain: DOMAIN } })).id;
  setIngestRuntime({
    sites: new SiteCache(test.db),
    salts: new SaltStore(test.db),
    queue: new IngestQueue((hits) => writeHits(test.pool, hits), { maxPending: 1_000, batchMax: 50, flushMs: 1 }),
    limits: createLimits(),
  });
});

afterAll(async () => {
  await ingestRuntime().queue.drain();
  setIngestRuntime(undefined);
  await test.drop();
});

const owner = () => ({ userId: ids.owner! });
const settings = {
  excludedPaths: '/admin/**\n\n /preview/* \n/admin/**',
  allowedQueryParams: 'q, page',
  respectDoNotTrack: false,
  collectCityLevel: true,
};

function hit(path: string, optOutSignal = false) {
  return recordHit(
    ingestRuntime(),
    hitSchema.parse({ n: 'pageview', u: `https://${DOMAIN}${path}`, d: DOMAIN, r: null, w: 1280 }),
    { ip: '198.51.100.7', userAgent: CHROME, optOutSignal, now: new Date() },
  );
}

describe('site settings', () => {
  it('normalises and stores the lists, and writes one audit row naming what changed', async () => {
    const saved = await updateSiteSettings(test.db, owner(), ids.site!, settings);
    expect(saved).toEqual({
      excludedPaths: ['/admin/**', '/preview/*'],
      allowedQueryParams: ['q', 'page'],
      respectDoNotTrack: false,
      collectCityLevel: true,
    });
    expect(await readSiteSettings(test.db, ids.site!)).toEqual(saved);
    const audit = await test.db.auditLog.findMany({ where: { action: 'site.settings_update', targetId: ids.site } });
    expect(audit.map((row) => row.metadata)).toEqual([saved]);

    // Saving the same settings again changes nothing and logs nothing.
    await updateSiteSettings(test.db, owner(), ids.site!, settings);
    expect(await test.db.auditLog.count({ where: { action: 'site.settings_update', targetId: ids.site } })).toBe(1);
  });

  it('refuses malformed patterns and parameter names, members and other teams', async () => {
    await expect(
      updateSiteSettings(test.db, owner(), ids.site!, { ...settings, excludedPaths: 'admin' }),
    ).rejects.toMatchObject({ fieldErrors: { excludedPaths: expect.stringMatching(/starts with \//) } });
    await expect(
      updateSiteSettings(test.db, owner(), ids.site!, { ...settings, allowedQueryParams: 'a b' }),
    ).rejects.toThrow(Invalid);
    await expect(
      updateSiteSettings(test.db, owner(), ids.site!, {
        ...settings,
        excludedPaths: Array.from({ length: 51 }, (_, i) => `/p${i}`),
      }),
    ).rejects.toMatchObject({ fieldErrors: { excludedPaths: 'At most 50 patterns.' } });
    await expect(updateSiteSettings(test.db, { userId: ids.member! }, ids.site!, settings)).rejects.toThrow(Forbidden);
    await expect(updateSiteSettings(test.db, { userId: ids.outsider! }, ids.site!, settings)).rejects.toThrow(NotFound);
  });

  it('takes effect in ingest at once: a newly excluded path is dropped, DNT follows the switch', async () => {
    await updateSiteSettings(test.db, owner(), ids.site!, { ...settings, excludedPaths: '', respectDoNotTrack: true });
    expect(await hit('/checkout/done')).toEqual({ status: 'accepted' });
    expect(await hit('/blog', true)).toEqual({ status: 'dropped', reason: 'do-not-track' });
    // The site is now in the ingest cache with the old settings; the change must not wait for its expiry.
    await updateSiteSettings(test.db, owner(), ids.site!, {
      ...settings,
      excludedPaths: '/checkout/*',
      respectDoNotTrack: false,
    });
    expect(await hit('/checkout/done')).toEqual({ status: 'dropped', reason: 'excluded-path' });
    expect(await hit('/checkout')).toEqual({ status: 'accepted' });
    expect(await hit('/blog', true)).toEqual({ status: 'accepted' });
    await ingestRuntime().queue.drain();
    const stored = await test.db.event.findMany({ where: { siteId: ids.site }, select: { pathname: true } });
    expect(stored.map((event) => event.pathname).sort()).toEqual(['/blog', '/checkout', '/checkout/done']);
  });
});
