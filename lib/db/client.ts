// The one Prisma client of the process, over node-postgres through @prisma/adapter-pg.
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';

import { config } from '@/lib/config';

import { PrismaClient } from './generated/client';

export type Database = PrismaClient;

export interface DatabaseOptions {
  url: string;
  /** Postgres schema to use instead of `public` (tests give each file its own). */
  schema?: string;
  max?: number;
}

/** Opens a pool whose connections all use `schema` for unqualified names, too (raw SQL included). */
export function createPool({ url, schema, max = 10 }: DatabaseOptions): pg.Pool {
  // JIT compiling a dashboard query costs PostgreSQL 50–90 ms of CPU, more than most of them take to
  // run (measured with EXPLAIN ANALYZE at 10 million events), so sessions turn it off.
  const prepare = async (client: pg.ClientBase) => {
    await client.query('SET jit = off');
    if (schema) await client.query(`SET search_path TO ${pg.escapeIdentifier(schema)}`);
  };
  const pool = new pg.Pool({
    connectionString: url,
    max,
    // Includes the wait for a free connection: the embedded database has one, and a dashboard asks ~20 queries.
    connectionTimeoutMillis: 15_000,
    idleTimeoutMillis: 30_000,
    // pg-pool awaits this hook before handing out a new connection (typed as sync in @types/pg).
    onConnect: prepare as unknown as (client: pg.ClientBase) => void,
  });
  // An idle client that loses its server (restart, network) emits here; the pool replaces it.
  pool.on('error', () => {});
  return pool;
}

export function createDatabase(options: DatabaseOptions, pool = createPool(options)): Database {
  const adapter = new PrismaPg(pool, options.schema ? { schema: options.schema } : undefined);
  return new PrismaClient({ adapter });
}

const globalForDb = globalThis as unknown as { glanceDb?: Database; glancePool?: pg.Pool };

/** The shared pg pool under the Prisma client, for plain-SQL hot paths (lib/db/sql.ts). */
export function pool(): pg.Pool {
  if (!globalForDb.glancePool) {
    const { DATABASE_URL, DATABASE_POOL_MAX } = config();
    if (!DATABASE_URL) {
      throw new Error('DATABASE_URL is not set: start Glance with `npm start`, which provides the embedded database.');
    }
    globalForDb.glancePool = createPool({ url: DATABASE_URL, max: DATABASE_POOL_MAX });
  }
  return globalForDb.glancePool;
}

/** The shared client; Next.js dev reloads modules, so it is kept on globalThis. */
export function db(): Database {
  if (!globalForDb.glanceDb) {
    const { DATABASE_URL } = config();
    globalForDb.glanceDb = createDatabase({ url: DATABASE_URL ?? '' }, pool());
  }
  return globalForDb.glanceDb;
}
