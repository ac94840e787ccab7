// Multi-row inserts for the high-volume tables: one statement per batch, one array parameter per
// column (INSERT … SELECT FROM unnest), so a batch costs one round trip whatever its size.
/** Anything that runs raw SQL: the Prisma client, one of its transactions, or a pg client (lib/db/sql.ts). */
export interface SqlRunner {
  $executeRawUnsafe(query: string, ...values: unknown[]): Promise<number>;
  $queryRawUnsafe<T = unknown>(query: string, ...values: unknown[]): Promise<T>;
}

type SqlType = 'text' | 'bigint' | 'int' | 'timestamptz' | 'jsonb' | 'numeric';

const EVENT_COLUMNS = {
  siteId: 'text',
  timestamp: 'timestamptz',
  name: 'text',
  visitorId: 'bigint',
  visitId: 'bigint',
  hostname: 'text',
  pathname: 'text',
  referrerDomain: 'text',
  referrerSource: 'text',
  channel: 'text',
  utmSource: 'text',
  utmMedium: 'text',
  utmCampaign: 'text',
  utmTerm: 'text',
  utmContent: 'text',
  country: 'text',
  region: 'text',
  city: 'text',
  browser: 'text',
  browserVersion: 'text',
  os: 'text',
  osVersion: 'text',
  device: 'text',
  screen: 'text',
  props: 'jsonb',
  revenueAmount: 'numeric',
  revenueCurrency: 'text',
} as const satisfies Record<string, SqlType>;

const VISIT_COLUMNS = {
  id: 'bigint',
  siteId: 'text',
  visitorId: 'bigint',
  startedAt: 'timestamptz',
  lastSeenAt: 'timestamptz',
  entryPath: 'text',
  exitPath: 'text',
  pageviews: 'int',
  events: 'int',
  referrerDomain: 'text',
  referrerSource: 'text',
  channel: 'text',
  utmSource: 'text',
  utmMedium: 'text',
  utmCampaign: 'text',
  utmTerm: 'text',
  utmContent: 'text',
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

type Value = string | number | bigint | Date | Record<string, string> | null | undefined;
export type EventRow = { [K in keyof typeof EVENT_COLUMNS]?: Value };
export type VisitRow = { [K in keyof typeof VISIT_COLUMNS]?: Value };

function toText(value: Value): string | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

async function insertRows(
  db: SqlRunner,
  table: string,
  columns: Record<string, SqlType>,
  rows: Record<string, Value>[],
) {
  if (rows.length === 0) return 0;
  const names = Object.keys(columns);
  // Every column travels as text[] and is cast in SQL, so the driver never guesses element types.
  // Fixed-width columns (CHAR(n)) are cast as text and take their width on assignment: a bare
  // `::char` would mean CHAR(1) and silently truncate "US" to "U".
  const params = names.map((name) => rows.map((row) => toText(row[name])));
  const unnest = names.map((_, index) => `$${index + 1}::text[]`).join(', ');
  const aliases = names.map((_, index) => `c${index}`);
  const select = names.map((name, index) => `${aliases[index]}::${columns[name]}`).join(', ');
  const quoted = names.map((name) => `"${name}"`).join(', ');
  return db.$executeRawUnsafe(
    `INSERT INTO "${table}" (${quoted}) SELECT ${select} FROM unnest(${unnest}) AS t(${aliases.join(', ')})`,
    ...params,
  );
}

export const insertEvents = (db: SqlRunner, rows: EventRow[]) => insertRows(db, 'Event', EVENT_COLUMNS, rows);
export const insertVisits = (db: SqlRunner, rows: VisitRow[]) => insertRows(db, 'Visit', VISIT_COLUMNS, rows);

/** Reserves `count` visit ids up front, so events can reference their visit in the same batch. */
export async function reserveVisitIds(db: SqlRunner, count: number): Promise<bigint[]> {
  if (count === 0) return [];
  const rows = await db.$queryRawUnsafe<{ id: bigint }[]>(
    `SELECT nextval(pg_get_serial_sequence('"Visit"', 'id')) AS id FROM generate_series(1, $1::int)`,
    count,
  );
  return rows.map((row) => BigInt(row.id));
}
