import { randomBytes } from 'node:crypto';
import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createDatabase, type Database } from './client';
import { MIGRATION_LOCK_KEY, migrate, readMigrations } from './migrate';
import { testDatabaseUrl } from './test-database';

const url = testDatabaseUrl();
const schema = `migrate_${randomBytes(4).toString('hex')}`;
let db: Database;

async function sql<T extends pg.QueryResultRow>(text: string, params: unknown[] = []) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`SET search_path TO ${pg.escapeIdentifier(schema)}`);
    return (await client.query<T>(text, params)).rows;
  } finally {
    await client.end();
  }
}

// PGlite is one backend session shared by every connection, so a lock cannot exclude its own
// connections; that is fine because only the process that owns an embedded database can open it.
const EMBEDDED_LOCKS =
  'embedded PGlite: one shared session, so advisory locks are re-entrant (CI runs these on PostgreSQL)';
async function isEmbedded() {
  const [row] = await sql<{ version: string }>('SELECT version()');
  return row!.version.includes('wasm32');
}

beforeAll(() => {
  db = createDatabase({ url, schema, max: 2 });
});

afterAll(async () => {
  await db.$disconnect();
  await sql(`DROP SCHEMA IF EXISTS ${pg.escapeIdentifier(schema)} CASCADE`);
});

describe('migrations', () => {
  it('apply to an empty database and record themselves as Prisma does', async () => {
    const files = await readMigrations();
    expect(files.length).toBeGreaterThan(0);
    const first = await migrate({ url, schema });
    expect(first.applied).toEqual(files.map((file) => file.name));
    const rows = await sql<{
      migration_name: string;
      checksum: string;
      finished_at: Date | null;
      applied_steps_count: number;
    }>(
      'SELECT migration_name, checksum, finished_at, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name',
    );
    expect(rows.map((row) => [row.migration_name, row.checksum])).toEqual(
      files.map((file) => [file.name, file.checksum]),
    );
    expect(rows.every((row) => row.finished_at !== null && row.applied_steps_count === 1)).toBe(true);
  });

  it('are idempotent: a second run applies nothing and changes nothing', async () => {
    const before = await sql('SELECT id FROM "_prisma_migrations" ORDER BY id');
    const second = await migrate({ url, schema });
    expect(second.applied).toEqual([]);
    expect(second.alreadyApplied.length).toBe(before.length);
    expect(await sql('SELECT id FROM "_prisma_migrations" ORDER BY id')).toEqual(before);
  });

  it('wait for the advisory lock held by another migrating process', async (context) => {
    if (await isEmbedded()) context.skip(EMBEDDED_LOCKS);
    const other = `migrate_lock_${randomBytes(4).toString('hex')}`;
    const holder = new pg.Client({ connectionString: url });
    await holder.connect();
    try {
      await holder.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY.toString()]);
      let finished = false;
      const running = migrate({ url, schema: other }).then((result) => {
        finished = true;
        return result;
      });
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(finished).toBe(false);
      const tablesWhileLocked = await sql(`SELECT 1 FROM information_schema.tables WHERE table_schema = $1`, [other]);
      expect(tablesWhileLocked).toEqual([]);
      await holder.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY.toString()]);
      expect((await running).applied).toEqual((await readMigrations()).map((file) => file.name));
    } finally {
      await holder.end();
      await sql(`DROP SCHEMA IF EXISTS ${pg.escapeIdentifier(other)} CASCADE`);
    }
  });

  it('serialise concurrent runners: each migration is applied exactly once', async (context) => {
    if (await isEmbedded()) context.skip(EMBEDDED_LOCKS);
    const other = `migrate_race_${randomBytes(4).toString('hex')}`;
    try {
      const results = await Promise.all([migrate({ url, schema: other }), migrate({ url, schema: other })]);
      expect(results.flatMap((result) => result.applied)).toEqual((await readMigrations()).map((file) => file.name));
    } finally {
      await sql(`DROP SCHEMA IF EXISTS ${pg.escapeIdentifier(other)} CASCADE`);
    }
  });

  it('refuse a migration that was edited after it was applied, and roll back a failing one', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'glance-migrations-'));
    const scratch = `migrate_bad_${randomBytes(4).toString('hex')}`;
    try {
      await mkdir(path.join(dir, '001_a'));
      await writeFile(path.join(dir, '001_a', 'migration.sql'), 'CREATE TABLE a (id int);');
      await migrate({ url, schema: scratch, dir });
      await writeFile(path.join(dir, '001_a', 'migration.sql'), 'CREATE TABLE a (id bigint);');
      await expect(migrate({ url, schema: scratch, dir })).rejects.toThrow(/was changed after it was applied/);

      await writeFile(path.join(dir, '001_a', 'migration.sql'), 'CREATE TABLE a (id int);');
      await mkdir(path.join(dir, '002_b'));
      await writeFile(path.join(dir, '002_b', 'migration.sql'), 'CREATE TABLE b (id int); SELECT no_such_function();');
      await expect(migrate({ url, schema: scratch, dir })).rejects.toThrow(/002_b failed and was rolled back/);
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      const tables = await client.query(
        `SELECT table_name FROM information_schema.tables WHERE table_schema = $1 ORDER BY table_name`,
        [scratch],
      );
      const recorded = await client.query(
        `SELECT migration_name FROM ${pg.escapeIdentifier(scratch)}."_prisma_migrations"`,
      );
      await client.query(`DROP SCHEMA ${pg.escapeIdentifier(scratch)} CASCADE`);
      await client.end();
      expect(tables.rows.map((row) => row.table_name)).toEqual(['_prisma_migrations', 'a']);
      expect(recorded.rows.map((row) => row.migration_name)).toEqual(['001_a']);
    } finally {
      await sql(`DROP SCHEMA IF EXISTS ${pg.escapeIdentifier(scratch)} CASCADE`);
    }
  });

  it('match the Prisma schema: every model can be written and read back', async () => {
    const now = new Date('2026-11-20T10:00:00.000Z');
    const user = await db.user.create({
      data: { email: 'a@example.com', name: 'A', passwordHash: 'h', emailVerifiedAt: now },
    });
    const session = await db.userSession.create({
      data: { userId: user.id, deviceClass: 'desktop', country: 'DE', expiresAt: now },
    });
    const team = await db.team.create({ data: { name: 'Team A' } });
    await db.membership.create({ data: { teamId: team.id, userId: user.id, role: 'OWNER' } });
    const site = await db.site.create({
      data: {
        teamId: team.id,
        domain: 'a.example.com',
        timezone: 'Europe/Paris',
        excludedPaths: ['/admin/*'],
        allowedQueryParams: ['q'],
      },
    });
    const visit = await db.visit.create({
      data: {
        siteId: site.id,
        visitorId: -9_000_000_000_000_000_001n,
        startedAt: now,
        lastSeenAt: now,
        entryPath: '/',
        exitPath: '/pricing',
        pageviews: 2,
        channel: 'search',
        country: 'FR',
      },
    });
    const event = await db.event.create({
      data: {
        siteId: site.id,
        timestamp: now,
        name: 'Signup',
        visitorId: visit.visitorId,
        visitId: visit.id,
        hostname: 'a.example.com',
        pathname: '/pricing',
        channel: 'search',
        props: { plan: 'pro' },
        revenueAmount: '19.99',
        revenueCurrency: 'EUR',
      },
    });
    const goal = await db.goal.create({
      data: { siteId: site.id, kind: 'PAGEVIEW', pathPattern: '/blog/**', displayName: 'Blog' },
    });
    await db.dailySalt.create({ data: { day: new Date('2026-11-20'), salt: new Uint8Array(randomBytes(32)) } });
    const token = await db.apiToken.create({
      data: {
        teamId: team.id,
        createdById: user.id,
        name: 'CI',
        tokenHash: 'f'.repeat(64),
        prefix: 'glc_abcd',
        scopes: ['stats:read'],
      },
    });
    const audit = await db.auditLog.create({
      data: { teamId: team.id, actorId: user.id, action: 'site.create', metadata: { domain: site.domain } },
    });
    await db.subscription.create({
      data: { teamId: team.id, stripeCustomerId: 'cus_1', status: 'active', plan: 'growth' },
    });

    expect(user.id).toMatch(/^[a-z0-9]{20,}$/);
    expect(await db.userSession.findUniqueOrThrow({ where: { id: session.id } })).toMatchObject({ country: 'DE' });
    expect(await db.membership.findMany({ where: { teamId: team.id } })).toMatchObject([{ role: 'OWNER' }]);
    expect(await db.site.findUniqueOrThrow({ where: { domain: 'a.example.com' } })).toMatchObject({
      respectDoNotTrack: true,
      excludedPaths: ['/admin/*'],
    });
    const storedEvent = await db.event.findUniqueOrThrow({ where: { id: event.id } });
    expect(storedEvent.visitorId).toBe(-9_000_000_000_000_000_001n);
    expect(storedEvent.props).toEqual({ plan: 'pro' });
    expect(storedEvent.revenueAmount?.toString()).toBe('19.99');
    expect(storedEvent.timestamp.toISOString()).toBe(now.toISOString());
    expect(await db.goal.findUniqueOrThrow({ where: { id: goal.id } })).toMatchObject({ kind: 'PAGEVIEW' });
    const salt = await db.dailySalt.findUniqueOrThrow({ where: { day: new Date('2026-11-20') } });
    expect(salt.salt.length).toBe(32);
    expect(await db.apiToken.findUniqueOrThrow({ where: { id: token.id } })).toMatchObject({ scopes: ['stats:read'] });
    expect(await db.auditLog.findUniqueOrThrow({ where: { id: audit.id } })).toMatchObject({
      metadata: { domain: 'a.example.com' },
    });
    expect(await db.subscription.findUniqueOrThrow({ where: { teamId: team.id } })).toMatchObject({ plan: 'growth' });

    // Deleting a team removes its sites and their events (cascade), not the audit trail.
    await db.team.delete({ where: { id: team.id } });
    expect(await db.event.count()).toBe(0);
    expect(await db.visit.count()).toBe(0);
    expect(await db.auditLog.count()).toBe(1);
  });
});
