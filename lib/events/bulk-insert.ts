// The statement that writes a batch of visits and events, whatever its size: new visit ids are
// drawn, new visits inserted, continued visits updated and events inserted by data-modifying CTEs.
// Rows travel as one JSON array per table (json_to_recordset), arguments of a prepared statement
// inlined as dollar-quoted literals so that its EXECUTE can share a message with COMMIT
// (lib/db/sql.ts): JSON.stringify is native and cheap, where one array parameter per column cost a
// JavaScript escape per value (bench/ingest.ts).
import type { PreparedStatement } from '@/lib/db/sql';

type SqlType = 'text' | 'bigint' | 'int' | 'timestamptz' | 'jsonb' | 'numeric';

/** Columns a visit and an event both carry: where the visit came from and who made it, coarsely. */
const DIMENSIONS = {
  referrerDomain: 'text',
  referrerSource: 'text',
  channel: 'text',
  utmSource: 'text',
  utmMedium: 'text',
  utmCampaign: 'text',
  utmTerm: 'text',
  utmContent: 'text',
  // Fixed-width columns (CHAR(n)) travel as text and take their width on assignment: a bare `char`
  // would mean CHAR(1) and silently truncate "US" to "U".
  country: 'text',
  region: 'text',
  city: 'text',
  browser: 'text',
  browserVersion: 'text',
  os: 'text',
  osVersion: 'text',
  device: 'text',
  screen: 'text',
} as const satisfies Record<string, SqlType>;

const NEW_VISIT_COLUMNS = {
  siteId: 'text',
  visitorId: 'bigint',
  startedAt: 'timestamptz',
  lastSeenAt: 'timestamptz',
  entryPath: 'text',
  exitPath: 'text',
  pageviews: 'int',
  events: 'int',
  ...DIMENSIONS,
} as const satisfies Record<string, SqlType>;

const CHANGED_VISIT_COLUMNS = {
  id: 'bigint',
  lastSeenAt: 'timestamptz',
  pageviews: 'int',
  events: 'int',
  entryPath: 'text',
  exitPath: 'text',
} as const satisfies Record<string, SqlType>;

const EVENT_COLUMNS = {
  siteId: 'text',
  timestamp: 'timestamptz',
  name: 'text',
  visitorId: 'bigint',
  hostname: 'text',
  pathname: 'text',
  ...DIMENSIONS,
  props: 'jsonb',
  revenueAmount: 'numeric',
  revenueCurrency: 'text',
} as const satisfies Record<string, SqlType>;

type Text = string | null;
type Dimensions = { [K in keyof typeof DIMENSIONS]: Text };
/** Bigints travel as decimal strings (JSON numbers would lose precision); timestamps as Dates. */
export type NewVisitRow = Dimensions & {
  /** Its place in the batch's `newVisits`, from 0 (events refer to it as `newVisit`). */
  n: number;
  siteId: string;
  visitorId: string;
  startedAt: Date;
  lastSeenAt: Date;
  entryPath: string;
  exitPath: string;
  pageviews: number;
  events: number;
};
export type ChangedVisitRow = {
  id: string;
  lastSeenAt: Date;
  pageviews: number;
  events: number;
  entryPath: string;
  exitPath: string;
};
/** `visitId` is an existing visit's id; else `newVisit` is the 0-based index of a visit in the same batch. */
export type EventRow = Dimensions & {
  siteId: string;
  timestamp: Date;
  name: string;
  visitorId: string;
  visitId: string | null;
  newVisit: number | null;
  hostname: string;
  pathname: string;
  props: Record<string, string> | null;
  revenueAmount: string | null;
  revenueCurrency: string | null;
};

export interface VisitBatch {
  newVisits: NewVisitRow[];
  changedVisits: ChangedVisitRow[];
  events: EventRow[];
}

const quote = (name: string) => `"${name}"`;
const definition = (columns: Record<string, SqlType>) =>
  Object.entries(columns)
    .map(([name, type]) => `${quote(name)} ${type}`)
    .join(', ');
const list = (columns: Record<string, SqlType>, prefix = '') =>
  Object.keys(columns)
    .map((name) => `${prefix}${quote(name)}`)
    .join(', ');

// The fixed parts, built once; json_to_recordset has no ordinality, so each new visit carries its
// index `n`, to join the id drawn for it.
const NEW_VISITS = {
  insert: `INSERT INTO "Visit" (id, ${list(NEW_VISIT_COLUMNS)}) SELECT ids.id, ${list(NEW_VISIT_COLUMNS, 'v.')}`,
  columns: `v(n int, ${definition(NEW_VISIT_COLUMNS)})`,
};
const CHANGED_VISITS = {
  set: Object.keys(CHANGED_VISIT_COLUMNS)
    .filter((name) => name !== 'id')
    .map((name) => `${quote(name)} = u.${quote(name)}`)
    .join(', '),
  columns: `u(${definition(CHANGED_VISIT_COLUMNS)})`,
};
const EVENTS = {
  insert: `INSERT INTO "Event" ("visitId", ${list(EVENT_COLUMNS)}) SELECT COALESCE(e."visitId", ids.id), ${list(EVENT_COLUMNS, 'e.')}`,
  /** For a batch that starts no visit: every event names its visit. */
  insertExisting: `INSERT INTO "Event" ("visitId", ${list(EVENT_COLUMNS)}) SELECT e."visitId", ${list(EVENT_COLUMNS, 'e.')}`,
  columns: `e("visitId" bigint, "newVisit" int, ${definition(EVENT_COLUMNS)})`,
};

/** The prepared statement storing a batch, and the arguments to run it with. */
export interface BatchStatement {
  statement: PreparedStatement;
  args: string[];
}

/** The statement storing a batch, from which parts it needs: new visits, continued visits, or both. */
function writeStatement(hasNew: boolean, hasChanged: boolean): PreparedStatement {
  const types: string[] = [];
  const param = (type: string) => `$${types.push(type)}`;
  const parts: string[] = [];
  if (hasNew) {
    const rows = param('json');
    parts.push(`ids AS MATERIALIZED (
  SELECT n, nextval(pg_get_serial_sequence('"Visit"', 'id')) AS id FROM generate_series(0, json_array_length(${rows}) - 1) AS n
)`);
    parts.push(`new_visits AS (
  ${NEW_VISITS.insert} FROM json_to_recordset(${rows}) AS ${NEW_VISITS.columns} JOIN ids USING (n)
  RETURNING 1
)`);
  }
  if (hasChanged) {
    const rows = param('json');
    const ids = param('bigint[]');
    parts.push(`changed_visits AS (
  UPDATE "Visit" AS visit SET ${CHANGED_VISITS.set}
    FROM json_to_recordset(${rows}) AS ${CHANGED_VISITS.columns}
   WHERE visit.id = ANY(${ids}) AND visit.id = u.id
  RETURNING 1
)`);
  }
  const events = param('json');
  const insert = `${hasNew ? EVENTS.insert : EVENTS.insertExisting} FROM json_to_recordset(${events}) AS ${EVENTS.columns}${hasNew ? ' LEFT JOIN ids ON ids.n = e."newVisit"' : ''}`;
  return {
    key: `write_batch_${hasNew ? 'n' : ''}${hasChanged ? 'c' : ''}`,
    types,
    text: parts.length === 0 ? insert : `WITH ${parts.join(', ')}\n${insert}`,
  };
}

// Every batch extends at least one visit, new or continued: three variants, built once.
const WRITE_NEW = writeStatement(true, false);
const WRITE_CHANGED = writeStatement(false, true);
const WRITE_BOTH = writeStatement(true, true);

/**
 * The statement storing the batch; events referring to `newVisit` i get the id drawn for `newVisits[i]`.
 * Only the parts a batch needs are in it (each variant is prepared once per connection). Continued
 * visits are updated through their ids' primary-key probes (`= ANY`): joined to json_to_recordset
 * alone (estimated at 100 rows whatever it holds), the planner read all of "Visit" while the table
 * was young or its statistics stale, and with the writer's sequential scans off (lib/db/sql.ts) it
 * read the whole primary key instead (tested).
 */
export function visitBatchStatement(batch: VisitBatch): BatchStatement {
  const { newVisits, changedVisits } = batch;
  const args: string[] = [];
  if (newVisits.length > 0) args.push(JSON.stringify(newVisits));
  if (changedVisits.length > 0) {
    // Ids are the decimal text of bigints read back from the table.
    args.push(JSON.stringify(changedVisits), `{${changedVisits.map((visit) => visit.id).join(',')}}`);
  }
  args.push(JSON.stringify(batch.events));
  const statement = changedVisits.length === 0 ? WRITE_NEW : newVisits.length === 0 ? WRITE_CHANGED : WRITE_BOTH;
  return { statement, args };
}
