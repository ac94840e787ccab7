// For integration tests: a fresh, migrated schema of the test PostgreSQL (DATABASE_URL), dropped afterwards.
import { randomBytes } from 'node:crypto';

import pg from 'pg';

import { createDatabase, createPool, type Database } from './client';
import { migrate } from './migrate';

export interface TestDatabase {
  url: string;
  schema: string;
  db: Database;
  /** The pool under `db`, for plain-SQL code. */
  pool: pg.Pool;
  drop(): Promise<void>;
}

export function testDatabaseUrl(): string {
  // Tests are started by scripts/with-database.ts, which always sets it.
  // eslint-disable-next-line no-restricted-properties
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('Integration tests need DATABASE_URL: run them with `npm run test:db`.');
  return url;
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const url = testDatabaseUrl();
  const schema = `test_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  await migrate({ url, schema });
  // scripts/with-database.ts sets DATABASE_POOL_MAX=1 for the embedded database (see lib/db/embedded.ts).
  // eslint-disable-next-line no-restricted-properties
  const pool = createPool({ url, schema, max: Number(process.env.DATABASE_POOL_MAX ?? 4) });
  const db = createDatabase({ url, schema }, pool);
  return {
    url,
    schema,
    db,
    pool,
    async drop() {
      await db.$disconnect();
      await pool.end().catch(() => {});
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      await client.query(`DROP SCHEMA ${pg.escapeIdentifier(schema)} CASCADE`);
      await client.end();
    },
  };
}
