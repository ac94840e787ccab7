// Excluding visitor addresses: who may change the list, that only hashes are stored, and that ingest
// drops exactly the listed addresses from the moment the list changes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createTestDatabase, type TestDatabase } from '@/lib/db/test-database';
import { Forbidden, Invalid, NotFound } from '@/lib/errors';
import { IngestQueue } from '@/lib/ingest/queue';
import { createLimits, recordHit, type IngestDeps } from '@/lib/ingest/record-hit';
import { setIngestRuntime } from '@/lib/ingest/runtime';
import { SiteCache } from '@/lib/ingest/site-cache';
import { writeHits } from '@/lib/ingest/write-hits';
import { SaltStore } from '@/lib/privacy/salts';
import { createTeamFixture } from '@/lib/teams/test-fixtures';

import { changeExcludedIps } from './excluded-ips';

const DOMAIN = 'office.example.com';
const UA = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36';

let test: TestDatabase;
let deps: IngestDeps;
const ids: Record<string, string> = {};

beforeAll(async () => {
  test = await createTestDatabase();
  Object.assign(ids, await createTeamFixture(test.db, ['member']));
  ids.site = (await test.db.site.create({ data: { teamId: ids.team!, domain: DOMAIN } })).id;
  // The runtime that changeExcludedIps tells to forget the site: the same cache recordHit reads.
  deps = {
    sites: new SiteCache(test.db),
    salts: new SaltStore(test.db),
    queue: new IngestQueue((hits) => writeHits(test.pool, hits), { maxPending: 100, batchMax: 10, flushMs: 0 }),
    limits: createLimits(),
  };
  setIngestRuntime(deps);
});

afterAll(async () => {
  setIngestRuntime(undefined);
  await test.drop();
});

const visit = (ip: string) =>
  recordHit(
    deps,
    { n: 'pageview', u: `https://${DOMAIN}/`, d: DOMAIN },
    { ip, userAgent: UA, optOutSignal: false, now: new Date() },
  );

describe('excluded IP addresses', () => {
  it('drops hits from listed addresses at once, and only from those', async () => {
    expect(await visit('203.0.113.7')).toEqual({ status: 'accepted' }); // cached before the change
    const owner = { userId: ids.owner! };
    expect(
      await changeExcludedIps(test.db, owner, ids.site!, { mode: 'add', addresses: '203.0.113.7\n2001:db8::1' }),
    ).toBe(2);
    expect(await visit('203.0.113.7')).toEqual({ status: 'dropped', reason: 'excluded-ip' });
    expect(await visit('::ffff:203.0.113.7')).toEqual({ status: 'dropped', reason: 'excluded-ip' });
    expect(await visit('2001:0db8::0001')).toEqual({ status: 'dropped', reason: 'excluded-ip' });
    expect(await visit('203.0.113.8')).toEqual({ status: 'accepted' });

    // Adding again keeps one entry per address; clearing lets everyone in again.
    expect(
      await changeExcludedIps(test.db, owner, ids.site!, { mode: 'add', addresses: '203.0.113.7, 198.51.100.1' }),
    ).toBe(3);
    expect(await changeExcludedIps(test.db, owner, ids.site!, { mode: 'clear' })).toBe(0);
    expect(await visit('203.0.113.7')).toEqual({ status: 'accepted' });
    expect(await test.db.auditLog.count({ where: { action: 'site.excluded_ips_changed' } })).toBe(3);
  });

  it('stores hashes, never the addresses', async () => {
    await changeExcludedIps(test.db, { userId: ids.owner! }, ids.site!, { mode: 'add', addresses: '192.0.2.44' });
    const [row] = await test.db.$queryRawUnsafe<{ site: string }[]>(
      `SELECT row_to_json(s)::text AS site FROM "Site" s WHERE id = $1`,
      ids.site,
    );
    expect(row!.site).not.toContain('192.0.2.44');
    const audit = await test.db.auditLog.findMany({ where: { action: 'site.excluded_ips_changed' } });
    expect(
      JSON.stringify(audit, (_, value: unknown) => (typeof value === 'bigint' ? String(value) : value)),
    ).not.toContain('192.0.2.44');
  });

  it('refuses bad input, members and other teams', async () => {
    const owner = { userId: ids.owner! };
    await expect(
      changeExcludedIps(test.db, owner, ids.site!, { mode: 'add', addresses: '10.0.0.300' }),
    ).rejects.toThrow(Invalid);
    await expect(changeExcludedIps(test.db, owner, ids.site!, { mode: 'add', addresses: ' ' })).rejects.toThrow(
      Invalid,
    );
    const many = Array.from({ length: 60 }, (_, i) => `10.0.0.${i}`).join(' ');
    await expect(changeExcludedIps(test.db, owner, ids.site!, { mode: 'add', addresses: many })).rejects.toThrow(
      Invalid,
    );
    await expect(
      changeExcludedIps(test.db, { userId: ids.member! }, ids.site!, { mode: 'add', addresses: '10.0.0.1' }),
    ).rejects.toThrow(Forbidden);
    await expect(changeExcludedIps(test.db, { userId: ids.outsider! }, ids.site!, { mode: 'clear' })).rejects.toThrow(
      NotFound,
    );
    await expect(changeExcludedIps(test.db, owner, 'no-such-site', { mode: 'clear' })).rejects.toThrow(NotFound);
  });
});
