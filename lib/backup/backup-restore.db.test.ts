// Back up a database with a row in every table, wipe it, restore it: every row, sequence and trigger
// is back (counts and checksums per table). Runs in a database of its own on the test server.
import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createDatabase, createPool } from '@/lib/db/client';
import { migrate } from '@/lib/db/migrate';
import { testDatabaseUrl } from '@/lib/db/test-database';
import { testHit } from '@/lib/ingest/test-hit';
import { writeHits } from '@/lib/ingest/write-hits';

import { backupDatabase } from './backup-database';
import { serverInfo } from './pg-tools';
import { restoreDatabase } from './restore-database';
import { buildRollupDay } from '@/lib/stats/rollups/build-rollups';

const adminUrl = testDatabaseUrl();
let embedded = false;
let name = '';
let url = '';
let dir = '';

async function admin(sql: string) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

async function query<T extends pg.QueryResultRow>(sql: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql, values)).rows;
  } finally {
    await client.end();
  }
}

/** Per table: row count and an MD5 of all rows in PostgreSQL's text form; per sequence: its position. */
async function fingerprint(): Promise<Record<string, string>> {
  const tables = await query<{ name: string }>(
    `SELECT format('%I.%I', table_schema, table_name) AS name FROM information_schema.tables
      WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`,
  );
  const result: Record<string, string> = {};
  for (const { name: table } of tables) {
    const [row] = await query<{ count: string; md5: string | null }>(
      `SELECT count(*) AS count, md5(string_agg(t::text, E'\\n' ORDER BY t::text)) AS md5 FROM ${table} t`,
    );
    result[table] = `${row!.count} rows, ${row!.md5}`;
  }
  for (const { name: sequence, last } of await query<{ name: string; last: string | null }>(
    `SELECT format('%I.%I', schemaname, sequencename) AS name, last_value AS last FROM pg_sequences ORDER BY 1`,
  )) {
    result[sequence] = `sequence at ${last}`;
  }
  return result;
}

async function seedEveryTable() {
  const pool = createPool({ url, max: 2 });
  const db = createDatabase({ url }, pool);
  try {
    const user = await db.user.create({
      data: { email: 'zoë@example.com', name: 'Zoë “Ops” O’Neil', passwordHash: '$argon2id$v=19$x' },
    });
    await db.userSession.create({
      data: { userId: user.id, deviceClass: 'desktop', country: 'DE', expiresAt: new Date('2027-01-01T00:00:00Z') },
    });
    const soon = new Date(Date.now() + 300_000);
    await db.passkey.create({
      data: {
        userId: user.id,
        credentialId: 'cred-1',
        publicKey: new Uint8Array(randomBytes(77)),
        deviceType: 'multiDevice',
        name: 'Laptop',
        transports: ['internal'],
      },
    });
    await db.webAuthnChallenge.create({ data: { purpose: 'authentication', challenge: 'c-1', expiresAt: soon } });
    await db.recoveryCode.create({ data: { userId: user.id, codeHash: 'h-1' } });
    await db.loginChallenge.create({
      data: { userId: user.id, tokenHash: 't-1', needsSecondFactor: true, expiresAt: soon },
    });
    await db.emailToken.create({
      data: { userId: user.id, purpose: 'VERIFY_EMAIL', tokenHash: 'e-1', expiresAt: soon },
    });
    const team = await db.team.create({ data: { name: 'Backups & Co' } });
    await db.membership.create({ data: { teamId: team.id, userId: user.id, role: 'OWNER' } });
    await db.invitation.create({
      data: {
        teamId: team.id,
        email: 'ünï@example.com',
        role: 'ADMIN',
        tokenHash: 'i-1',
        invitedById: user.id,
        expiresAt: soon,
      },
    });
    const site = await db.site.create({
      data: { teamId: team.id, domain: 'backup.example.com', excludedPaths: ['/admin/*'], allowedQueryParams: ['q'] },
    });
    await db.goal.create({ data: { siteId: site.id, kind: 'EVENT', eventName: 'Signup', displayName: 'Signups' } });
    await db.funnel.create({
      data: {
        siteId: site.id,
        name: 'Signup',
        steps: [
          { kind: 'PAGEVIEW', pathPattern: '/pricing' },
          { kind: 'EVENT', eventName: 'Signup' },
        ],
      },
    });
    await db.sharedLink.create({
      data: { siteId: site.id, slug: 'AAAAAAAAAAAAAAAAAAAAAA', name: 'Investors', passwordHash: '$argon2id$v=19$y' },
    });
    const hits = Array.from({ length: 300 }, (_, i) =>
      testHit(site.id, BigInt(i % 40) - 20n, new Date(Date.UTC(2026, 10, 1) + i * 60_000), `/page/${i % 7}`, {
        name: i % 10 === 0 ? 'Signup' : 'pageview',
        props: i % 10 === 0 ? { plan: 'pro', note: 'ünïcødé \\ "quoted"' } : null,
        revenue: i % 10 === 0 ? { amount: '19.9900', currency: 'EUR' } : null,
      }),
    );
    await writeHits(pool, hits);
    // Rollups of the hits' day, as the rollup job builds them.
    await buildRollupDay(db, site.id, '2026-11-01');
    await db.dailySalt.create({ data: { day: new Date('2026-11-23'), salt: new Uint8Array(randomBytes(32)) } });
    await db.apiToken.create({
      data: {
        teamId: team.id,
        createdById: user.id,
        name: 'CI',
        tokenHash: 'e'.repeat(64),
        prefix: 'glc_',
        scopes: ['stats:read'],
      },
    });
    await db.auditLog.create({
      data: { teamId: team.id, actorId: user.id, action: 'site.created', metadata: { a: [1, null] } },
    });
    await db.subscription.create({
      data: { teamId: team.id, plan: 'growth', status: 'active', stripeCustomerId: 'cus_1' },
    });
    await db.stripeEvent.create({
      data: { id: 'evt_1', type: 'invoice.paid', createdAt: new Date(), teamId: team.id, outcome: 'applied' },
    });
  } finally {
    await db.$disconnect();
    await pool.end();
  }
}

beforeAll(async () => {
  url = adminUrl;
  embedded = (await serverInfo(adminUrl)).embedded;
  if (embedded) return;
  const [row] = await query<{ db: string }>('SELECT current_database() AS db');
  name = `${row!.db}_backup_${randomBytes(4).toString('hex')}`;
  const target = new URL(adminUrl);
  target.pathname = `/${name}`;
  url = target.toString();
  await admin(`CREATE DATABASE ${pg.escapeIdentifier(name)}`);
  await migrate({ url });
  await seedEveryTable();
  dir = await mkdtemp(path.join(tmpdir(), 'glance-backup-test-'));
});

afterAll(async () => {
  if (embedded) return;
  await admin(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`);
  await rm(dir, { recursive: true, force: true });
});

describe('backup and restore', () => {
  it('refuses the embedded database with an explanation', async (context) => {
    if (!embedded) context.skip('runs on the embedded PGlite only');
    await expect(backupDatabase({ url: adminUrl, dir: tmpdir() })).rejects.toThrow(
      /cannot work on the embedded database \(PGlite\).*copy its folder/,
    );
  });

  it('brings back every row of every table after the database was wiped', async (context) => {
    if (embedded) context.skip('pg_dump and pg_restore need PostgreSQL');
    const before = await fingerprint();
    const emptyTables = Object.entries(before).filter(([, value]) => value.startsWith('0 rows'));
    expect(emptyTables, 'seed a row in every table (seedEveryTable above)').toEqual([]);
    expect(Object.keys(before).filter((key) => !key.includes('_seq')).length).toBeGreaterThanOrEqual(13);

    const backup = await backupDatabase({ url, dir, now: new Date('2026-11-23T16:45:00.5Z') });
    expect(path.basename(backup.file)).toBe(`glance-${name}-20261123T164500Z.dump`);
    expect(backup.bytes).toBeGreaterThan(1000);
    expect(await readdir(dir)).toEqual([path.basename(backup.file)]); // no partial file left behind

    // Into a database that has data: refused, and nothing touched.
    await expect(restoreDatabase({ url, file: backup.file, backupDir: dir })).rejects.toThrow(
      /The database is not empty \(\d+ tables.*add --clean/,
    );
    expect(await fingerprint()).toEqual(before);

    // Wiped (dropped and created again, empty), then restored.
    await admin(`DROP DATABASE ${pg.escapeIdentifier(name)} WITH (FORCE)`);
    await admin(`CREATE DATABASE ${pg.escapeIdentifier(name)}`);
    const restored = await restoreDatabase({ url, file: backup.file, backupDir: dir });
    expect(restored.safetyBackup).toBeNull();
    expect(await fingerprint()).toEqual(before);

    // The append-only trigger came back with the table, and new rows continue the sequences.
    await expect(query(`UPDATE "AuditLog" SET action = 'forged'`)).rejects.toThrow(/append-only/);
    const [maxId] = await query<{ max: string }>(`SELECT max(id)::text AS max FROM "Event"`);
    const site = await query<{ id: string }>(`SELECT id FROM "Site"`);
    const [inserted] = await query<{ id: string }>(
      `INSERT INTO "Event" ("siteId", timestamp, name, "visitorId", "visitId", hostname, pathname, channel)
       VALUES ($1, now(), 'pageview', 1, 1, 'h', '/', 'direct') RETURNING id::text`,
      [site[0]!.id],
    );
    expect(BigInt(inserted!.id)).toBeGreaterThan(BigInt(maxId!.max));
  });

  it('with --clean, saves the current contents first, then replaces them with the backup', async (context) => {
    if (embedded) context.skip('pg_dump and pg_restore need PostgreSQL');
    const backup = await backupDatabase({ url, dir, label: 'known' });
    const before = await fingerprint();
    await query(`INSERT INTO "Team" (id, name, "updatedAt") VALUES ('extra', 'Added after the backup', now())`);
    await query(`DELETE FROM "Goal"`);
    expect(await fingerprint()).not.toEqual(before);

    const restored = await restoreDatabase({ url, file: backup.file, backupDir: dir, clean: true });
    expect(await fingerprint()).toEqual(before);
    expect(path.basename(restored.safetyBackup!.file)).toMatch(
      new RegExp(`^glance-${name}-pre-restore-\\d{8}T\\d{6}Z\\.dump$`),
    );

    // That safety copy holds the state just before the restore (the extra team, no goal).
    const check = `${name}_check`;
    await admin(`CREATE DATABASE ${pg.escapeIdentifier(check)}`);
    try {
      const checkUrl = new URL(url);
      checkUrl.pathname = `/${check}`;
      await restoreDatabase({ url: checkUrl.toString(), file: restored.safetyBackup!.file, backupDir: dir });
      const client = new pg.Client({ connectionString: checkUrl.toString() });
      await client.connect();
      const teams = await client.query(`SELECT name FROM "Team" ORDER BY name`);
      const goals = await client.query(`SELECT count(*)::int AS n FROM "Goal"`);
      await client.end();
      expect(teams.rows.map((row) => row.name)).toEqual(['Added after the backup', 'Backups & Co']);
      expect(goals.rows[0].n).toBe(0);
    } finally {
      await admin(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(check)} WITH (FORCE)`);
    }
  });

  it('refuses a file that is not a backup, naming it', async (context) => {
    if (embedded) context.skip('pg_dump and pg_restore need PostgreSQL');
    const notABackup = path.join(dir, 'notes.dump');
    await import('node:fs/promises').then((fs) => fs.writeFile(notABackup, 'hello'));
    await expect(restoreDatabase({ url, file: notABackup, backupDir: dir })).rejects.toThrow(
      /notes\.dump is not a backup made by npm run backup/,
    );
    await expect(restoreDatabase({ url, file: path.join(dir, 'missing.dump'), backupDir: dir })).rejects.toThrow(
      /missing\.dump does not exist/,
    );
  });
});
