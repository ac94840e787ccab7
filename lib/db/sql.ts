// Plain-SQL transactions on a pg pool for the hot ingest path, in two round trips: Prisma's
// interactive transactions cost ~25 ms each here, and every extra message to PostgreSQL costs a
// wake-up of both processes, which on a loaded two-core machine is most of a batch's time.
import { randomBytes } from 'node:crypto';

import type pg from 'pg';

let tags = 0;
/** Starts the tags of this process: a literal's end is never guessable from outside. */
const TAG_BASE = randomBytes(4).toString('hex');

/**
 * `text` as a dollar-quoted SQL literal. The tag is checked to be absent from the text (and changes
 * until it is), so no content (hostile paths and properties included) can end the literal early.
 */
export function dollarQuote(text: string): string {
  let tag: string;
  do tag = `$q${TAG_BASE}${(tags++).toString(36)}$`;
  while (text.includes(tag));
  return `${tag}${text}${tag}`;
}

/** A statement PREPAREd once per connection, then run by name: parameters `$1`… of the given SQL types. */
export interface PreparedStatement {
  /** Unique among the app's prepared statements; a connection serial is appended on the server. */
  key: string;
  types: string[];
  text: string;
}

/** SQL running `statement` with `args` (each inlined with dollarQuote), preparing it first on a new connection. */
export type Execute = (statement: PreparedStatement, args: string[]) => string;

const PREPARED = Symbol('glance.prepared');
type Tracked = pg.PoolClient & { [PREPARED]?: { serial: number; names: Set<string> } };
let serials = 0;
/**
 * How the statements of these transactions are planned. Generic plans: a custom plan per execution
 * would bring back the planning that preparing them saves, and their plans do not depend on their
 * arguments. Sequential scans and sorts off: these statements probe and write rows by index, and a
 * generic plan is kept until its tables are next analysed, so one built while "Visit" was young (empty,
 * or analysed at a few dozen rows, as on every new installation) read the whole table, sorted, in
 * every batch from then on; in bench:ingest PostgreSQL's CPU per hit tripled for whole runs.
 * Statements that need a sort (the lock's ORDER BY) still get one: only the plans that have a choice
 * avoid it.
 */
export const PLANNER_SETTINGS = ['plan_cache_mode = force_generic_plan', 'enable_seqscan = off', 'enable_sort = off'];
const PLANNER = PLANNER_SETTINGS.map((setting) => `SET LOCAL ${setting}`).join('; ');
/** Errors of a connection's prepared statements not being what this process believes (then retried once). */
const PREPARED_MISMATCH = new Set(['26000', '42P05']);

function executor(client: Tracked, preparing: string[]): Execute {
  client[PREPARED] ??= { serial: ++serials, names: new Set() };
  const { serial, names } = client[PREPARED];
  return (statement, args) => {
    // The serial keeps names apart where connections share one session (the embedded PGlite).
    const name = `glance_${statement.key}_${serial}`;
    const run = `EXECUTE ${name}(${args.map(dollarQuote).join(', ')})`;
    if (names.has(name) || preparing.includes(name)) return run;
    preparing.push(name);
    return `PREPARE ${name}(${statement.types.join(', ')}) AS ${statement.text}; ${run}`;
  };
}

/**
 * Runs `opening` (statements separated by `;`, values inlined with dollarQuote, prepared ones through
 * `execute`) right after BEGIN in one message, then the statements `closing` builds from their results,
 * with COMMIT, in a second. Each statement of a message still takes its own snapshot (READ COMMITTED),
 * so a lock taken by one statement protects what the next one reads. Resolves with the closing
 * statements' results.
 *
 * Prepared statements spare PostgreSQL parsing and planning the same statements for every batch
 * (about a third of its time per hit in bench:ingest). Behind a transaction-pooling proxy, where a
 * connection's next transaction may run in another session, a missing statement fails the attempt,
 * which is then retried once with everything prepared afresh.
 */
export async function inTwoTripTransaction(
  pool: pg.Pool,
  opening: (execute: Execute) => string,
  closing: (results: pg.QueryResult[], execute: Execute) => string,
  retried = false,
): Promise<pg.QueryResult[]> {
  const client: Tracked = await pool.connect();
  const preparing: string[] = [];
  const execute = executor(client, preparing);
  // Without those of PREPARE and SET: callers see the results of their own statements.
  const results = (message: unknown) =>
    (message as pg.QueryResult[]).filter((result) => result.command !== 'PREPARE' && result.command !== 'SET');
  let broken: Error | undefined;
  try {
    // A simple-protocol query with several statements resolves with one result per statement.
    const opened = results(await client.query(`BEGIN; ${PLANNER}; ${opening(execute)}`));
    const closed = results(await client.query(`${closing(opened.slice(1), execute)}; COMMIT`));
    for (const name of preparing) client[PREPARED]!.names.add(name);
    return closed.slice(0, -1);
  } catch (error) {
    // A failed statement skips the rest of its message, COMMIT included: the transaction is open and
    // aborted. PREPARE is not undone by ROLLBACK, so the connection forgets all of its statements.
    await client
      .query('ROLLBACK; DEALLOCATE ALL')
      .then(() => client[PREPARED]!.names.clear())
      .catch((rollbackError: Error) => (broken = rollbackError));
    if (broken || retried || !PREPARED_MISMATCH.has((error as { code?: string }).code ?? '')) throw error;
  } finally {
    // A connection that could not even roll back is discarded, not reused.
    client.release(broken);
  }
  return inTwoTripTransaction(pool, opening, closing, true);
}
