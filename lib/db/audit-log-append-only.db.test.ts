// The audit log is append-only at the database level (migration audit_log_append_only): the app's
// own client can add entries but never change or remove them; only the retention job's purge can.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { monthsBefore } from '@/lib/retention/policy';
import { runRetention } from '@/lib/retention/run-retention';

import { createDatabase, createPool } from './client';
import { createTestDatabase, type TestDatabase } from './test-database';

let test: TestDatabase;
let entryId: bigint;
const APPEND_ONLY = /AuditLog is append-only: (UPDATE|DELETE|TRUNCATE) is not allowed/;

beforeAll(async () => {
  test = await createTestDatabase();
  entryId = (await test.db.auditLog.create({ data: { action: 'site.created', teamId: 't1', targetId: 's1' } })).id;
});
afterAll(() => test.drop());

describe('AuditLog is append-only', () => {
  it('refuses UPDATE and DELETE through the app’s Prisma client with a clear error', async () => {
    await expect(test.db.auditLog.update({ where: { id: entryId }, data: { action: 'forged' } })).rejects.toThrow(
      /AuditLog is append-only: UPDATE is not allowed/,
    );
    await expect(test.db.auditLog.delete({ where: { id: entryId } })).rejects.toThrow(
      /AuditLog is append-only: DELETE is not allowed/,
    );
    await expect(test.db.auditLog.deleteMany({})).rejects.toThrow(APPEND_ONLY);
    await expect(test.db.$executeRawUnsafe(`TRUNCATE "AuditLog"`)).rejects.toThrow(
      /AuditLog is append-only: TRUNCATE is not allowed/,
    );
    expect(await test.db.auditLog.findUniqueOrThrow({ where: { id: entryId } })).toMatchObject({
      action: 'site.created',
    });
  });

  it('refuses through plain SQL too, and the purge setting neither outlives its transaction nor allows UPDATE', async () => {
    // One connection, so every statement below runs on the same session.
    const pool = createPool({ url: test.url, schema: test.schema, max: 1 });
    try {
      await expect(pool.query(`UPDATE "AuditLog" SET action = 'x'`)).rejects.toThrow(APPEND_ONLY);
      // Set outside an explicit transaction, a local setting ends with its own statement.
      await pool.query(`SELECT set_config('glance.audit_purge', 'on', true)`);
      await expect(pool.query(`DELETE FROM "AuditLog"`)).rejects.toThrow(APPEND_ONLY);
      // Inside the purge's transaction, UPDATE is still refused.
      await expect(
        pool.query(`BEGIN; SET LOCAL glance.audit_purge = 'on'; UPDATE "AuditLog" SET action = 'x'; COMMIT`),
      ).rejects.toThrow(APPEND_ONLY);
      await pool.query('ROLLBACK');
      // A purge's transaction commits; afterwards the same connection is refused again.
      const other = await test.db.auditLog.create({ data: { action: 'disposable' } });
      await pool.query(
        `BEGIN; SET LOCAL glance.audit_purge = 'on'; DELETE FROM "AuditLog" WHERE id = ${other.id}; COMMIT`,
      );
      await expect(pool.query(`DELETE FROM "AuditLog"`)).rejects.toThrow(APPEND_ONLY);
      expect(await test.db.auditLog.count()).toBe(1);
    } finally {
      await pool.end();
    }
  });

  it('lets the retention job purge entries older than 12 months, and only those', async () => {
    const now = new Date('2026-11-23T12:00:00Z');
    const cutoff = monthsBefore(now, 12);
    const ages = [monthsBefore(now, 13), new Date(cutoff.getTime() - 1), cutoff, new Date(now.getTime() - 1000)];
    for (const createdAt of ages) await test.db.auditLog.create({ data: { action: 'aged', createdAt } });

    const report = await runRetention({ db: test.db, pool: test.pool }, now, { batchRows: 1 });
    expect(report.auditEntries).toBe(2);
    const left = await test.db.auditLog.findMany({ where: { action: 'aged' }, orderBy: { createdAt: 'asc' } });
    expect(left.map((entry) => entry.createdAt)).toEqual([cutoff, ages[3]]);
    // The first entry (written "now" by the database) was never touched.
    expect(await test.db.auditLog.count({ where: { id: entryId } })).toBe(1);
  });

  it('is enforced for a client opened by anyone with the app’s credentials, not just this test’s', async () => {
    const db = createDatabase({ url: test.url, schema: test.schema });
    try {
      await expect(db.auditLog.updateMany({ data: { actorId: 'someone-else' } })).rejects.toThrow(APPEND_ONLY);
    } finally {
      await db.$disconnect();
    }
  });
});
