// The statement that writes a batch of visits and events, whatever its size: new visit ids are
// drawn, new visits inserted, continued visits updated and events inserted by data-modifying CTEs.
// Rows travel as one JSON array per table (json_to_recordset), inlined as dollar-quoted literals so
// the statement can share a message with COMMIT (lib/db/sql.ts): JSON.stringify is native and cheap,
// where one array parameter per column cost a JavaScript escape per value (bench/ingest.ts).
import { dollarQuote } from '@/lib/db/sql';

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
  columns: `e("visitId" bigint, "newVisit" int, ${definition(EVENT_COLUMNS)})`,
};

const writeBatch = (newVisits: number, newVisitsJson: string, changedVisitsJson: string, eventsJson: string) => `
WITH ids AS MATERIALIZED (
  SELECT n, nextval(pg_get_serial_sequence('"Visit"', 'id')) AS id FROM generate_series(0, ${newVisits - 1}) AS n
), new_visits AS (
  ${NEW_VISITS.insert} FROM json_to_recordset(${newVisitsJson}::json) AS ${NEW_VISITS.columns} JOIN ids USING (n)
  RETURNING 1
), changed_visits AS (
  UPDATE "Visit" AS visit SET ${CHANGED_VISITS.set}
    FROM json_to_recordset(${changedVisitsJson}::json) AS ${CHANGED_VISITS.columns}
   WHERE visit.id = u.id
  RETURNING 1
)
${EVENTS.insert} FROM json_to_recordset(${eventsJson}::json) AS ${EVENTS.columns} LEFT JOIN ids ON ids.n = e."newVisit"`;

/** The statement storing the batch; events referring to `newVisit` i get the id drawn for `newVisits[i]`. */
export function visitBatchStatement(batch: VisitBatch): string {
  return writeBatch(
    // A literal number: Array.length cannot carry SQL.
    batch.newVisits.length,
    dollarQuote(JSON.stringify(batch.newVisits)),
    dollarQuote(JSON.stringify(batch.changedVisits)),
    dollarQuote(JSON.stringify(batch.events)),
  );
}
