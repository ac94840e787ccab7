// Which rollup rows answer a question about a range, and which part of it must still be read raw.
//
// Why this is exact: visitor ids are made with the salt of the UTC day the visit started (a visit that
// goes on past midnight keeps yesterday's id, for at most SALT_GRACE_MS), so ids of visits started on
// different UTC days never meet. Distinct counts of different UTC days therefore add up. A rollup row
// covers the visits started on one UTC day `d` (and their events, which end before d + DAY_SPAN_MS):
// either all of them (`whole`) or the part on one site-local date. A question's range (or one bucket of
// it) is made of whole local dates; for each day d it takes the whole row when every local date d
// touches is inside, the one local date's row when exactly one is inside, and reads d raw otherwise.
import { SALT_GRACE_MS, utcDay } from '@/lib/privacy/salts';

import { addDays, localDate, startOfLocalDay, type ResolvedRange } from '../query/range';
import type { TimeSpan } from '../query/aggregates';

const DAY_MS = 86_400_000;
/** Every event of the visits started on a UTC day happens within this long of its midnight. */
export const DAY_SPAN_MS = DAY_MS + 2 * SALT_GRACE_MS;

export type RollupGranularity = 'day' | 'week' | 'month';

export interface RollupSelection {
  /** The bucket the row counts towards (YYYY-MM-DD, as the SQL labels buckets), or null without buckets. */
  bucket: string | null;
  /** The UTC day (YYYY-MM-DD). */
  day: string;
  /** The local date of the part, or null for the row of the whole day. */
  localDate: string | null;
}

export interface RollupPlan {
  selections: RollupSelection[];
  /** Visit starts to read raw: days without rollups, or cut by the range in a way rows cannot follow. */
  rawSpans: TimeSpan[];
}

interface Piece {
  date: string;
  from: number;
  to: number;
}

/** The local dates a UTC day's rows fall on, each with the part of the day's span on it. */
function piecesOf(day: string, timeZone: string): Piece[] {
  const start = Date.parse(`${day}T00:00:00Z`);
  const end = start + DAY_SPAN_MS;
  const pieces: Piece[] = [];
  for (let date = localDate(new Date(start), timeZone); ; date = addDays(date, 1)) {
    const from = Math.max(start, startOfLocalDay(date, timeZone).getTime());
    if (from >= end) break;
    pieces.push({ date, from, to: Math.min(end, startOfLocalDay(addDays(date, 1), timeZone).getTime()) });
  }
  return pieces;
}

/** The label SQL gives the bucket holding a local date (date_trunc's: weeks start on Monday). */
export function bucketOf(date: string, granularity: RollupGranularity | undefined): string | null {
  if (!granularity) return null;
  if (granularity === 'day') return date;
  if (granularity === 'month') return `${date.slice(0, 8)}01`;
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return addDays(date, -((weekday + 6) % 7));
}

/** The rows of one rolled-up day for the range, or null when the day must be read raw. */
function selectionsOf(
  day: string,
  range: { from: number; to: number },
  timeZone: string,
  granularity: RollupGranularity | undefined,
): RollupSelection[] | null {
  const pieces = piecesOf(day, timeZone);
  const byBucket = new Map<string | null, Piece[]>();
  for (const piece of pieces) {
    if (piece.to <= range.from || piece.from >= range.to) continue;
    if (piece.from < range.from || piece.to > range.to) return null; // the range cuts a local date
    const bucket = bucketOf(piece.date, granularity);
    byBucket.set(bucket, [...(byBucket.get(bucket) ?? []), piece]);
  }
  const selections: RollupSelection[] = [];
  for (const [bucket, inside] of byBucket) {
    if (inside.length === pieces.length) selections.push({ bucket, day, localDate: null });
    else if (inside.length === 1) selections.push({ bucket, day, localDate: inside[0]!.date });
    else return null;
  }
  return selections;
}

/**
 * The plan for `range` given the days with rollups, or null when rollups would answer nothing of it.
 * Ranges cut at other instants than local midnights (realtime) only get rows from days they fully hold.
 */
export function planRollups(
  rolledDays: ReadonlySet<string>,
  range: Pick<ResolvedRange, 'from' | 'to'>,
  timeZone: string,
  granularity: RollupGranularity | undefined,
): RollupPlan | null {
  const bounds = { from: range.from.getTime(), to: range.to.getTime() };
  const selections: RollupSelection[] = [];
  const rawDays: string[] = [];
  const last = utcDay(new Date(bounds.to - 1));
  for (let day = utcDay(new Date(bounds.from - DAY_SPAN_MS)); day <= last; day = addDays(day, 1)) {
    const start = Date.parse(`${day}T00:00:00Z`);
    if (start + DAY_SPAN_MS <= bounds.from || start >= bounds.to) continue;
    const chosen = rolledDays.has(day) ? selectionsOf(day, bounds, timeZone, granularity) : null;
    if (chosen) selections.push(...chosen);
    else rawDays.push(day);
  }
  if (selections.length === 0) return null;
  return { selections, rawSpans: spansOf(rawDays) };
}

/** Consecutive days merged into spans of visit starts. */
function spansOf(days: string[]): TimeSpan[] {
  const spans: TimeSpan[] = [];
  for (const day of days) {
    const from = new Date(`${day}T00:00:00Z`);
    const to = new Date(from.getTime() + DAY_MS);
    const previous = spans.at(-1);
    if (previous && previous.to.getTime() === from.getTime()) previous.to = to;
    else spans.push({ from, to });
  }
  return spans;
}
