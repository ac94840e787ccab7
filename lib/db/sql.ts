// Plain-SQL transactions on a pg pool for the hot ingest path, in two round trips: Prisma's
// interactive transactions cost ~25 ms each here, and every extra message to PostgreSQL costs a
// wake-up of both processes, which on a loaded two-core machine is most of a batch's time.
import { randomBytes } from 'node:crypto';

import type pg from 'pg';

/**
 * `text` as a dollar-quoted SQL literal. The tag is random and checked to be absent from the text,
 * so no content (hostile paths and properties included) can end the literal early.
 */
export function dollarQuote(text: string): string {
  let tag: string;
  do tag = `$q${randomBytes(6).toString('hex')}$`;
  while (text.includes(tag));
  return `${tag}${text}${tag}`;
}

/**
 * Runs `opening` (statements separated by `;`, values inlined with dollarQuote) right after BEGIN in
 * one message, then the statements `closing` builds from their results, with COMMIT, in a second.
 * Each statement of a message still takes its own snapshot (READ COMMITTED), so a lock taken by one
 * statement protects what the next one reads. Resolves with the closing statements' results.
 */
export async function inTwoTripTransaction(
  pool: pg.Pool,
  opening: string,
  closing: (results: pg.QueryResult[]) => string,
): Promise<pg.QueryResult[]> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    // A simple-protocol query with several statements resolves with one result per statement.
    const opened = (await client.query(`BEGIN; ${opening}`)) as unknown as pg.QueryResult[];
    const closed = (await client.query(`${closing(opened.slice(1))}; COMMIT`)) as unknown as pg.QueryResult[];
    return closed.slice(0, -1);
  } catch (error) {
    // A failed statement skips the rest of its message, COMMIT included: the transaction is open and aborted.
    await client.query('ROLLBACK').catch((rollbackError: Error) => (broken = rollbackError));
    throw error;
  } finally {
    // A connection that could not even roll back is discarded, not reused.
    client.release(broken);
  }
}
