// Plain-SQL transactions on a pg pool, for the hot ingest path: Prisma's interactive transactions
// cost ~25 ms each here, a BEGIN…COMMIT on a pooled connection well under a millisecond.
import type pg from 'pg';

import type { SqlRunner } from '@/lib/events/bulk-insert';

function runner(client: pg.PoolClient): SqlRunner {
  return {
    $executeRawUnsafe: async (query, ...values) => (await client.query(query, values)).rowCount ?? 0,
    $queryRawUnsafe: async <T>(query: string, ...values: unknown[]) => (await client.query(query, values)).rows as T,
  };
}

export async function inTransaction<T>(pool: pg.Pool, work: (sql: SqlRunner) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query('BEGIN');
    const result = await work(runner(client));
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch((rollbackError: Error) => (broken = rollbackError));
    throw error;
  } finally {
    // A connection that could not even roll back is discarded, not reused.
    client.release(broken);
  }
}
