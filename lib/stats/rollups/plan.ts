// Which rollup rows answer a question about a range, and which part of it must still be read raw.
//
// Why this is exact: visitor ids are made with the salt of the UTC day the visit started (a visit that
// goes on past midnight keeps yesterday's id, for at most SALT_GRACE_MS), so ids of visits started on
// different UTC days never meet. Distinct counts of different UTC days therefore add up. A rollup row
// covers the visits started on one UTC day `d` (and their events, which end before d + DAY_SPAN_MS):
// either all of them (`whole`) or the part on one site-local date. A question's range (or one bucket of
// it) is made of whole local dates; for each day d it takes the whole row when every local date d
// touches is inside, the one local date's row when exactly one is inside, and reads d raw otherwise.
//
// A day not over yet (today) can be rolled up in part: its rows then count the visits that were over
// before an instant `closedBefore` (no later event can join them), and the plan reads the day's other
// visits raw. Those two sets of visits never share a visit, but may share a visitor (someone back for a
// second visit the same day), so the raw part counts a visitor only where the rows did not already.
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
  /** For a day rolled up in part, the build whose rows to read (they carry the same `closedBefore`). */
  closedBefore?: Date;
}

export interface RollupPlan {
  selections: RollupSelection[];
  /**
   * Visit starts to read raw: days without rollups, days cut by the range in a way rows cannot follow,
   * and the visits still open at `closedBefore` of days rolled up in part.
   */
  rawSpans: TimeSpan[];
}

/** The days of a site with rollups: each mapped to null (final) or to its `closedBefore` (in part). */
export type RolledDays = ReadonlyMap<string, Date | null>;

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

/**
 * The rows of one rolled-up day for the range, or null when the day must be read raw. The rows of a
 * day rolled up in part hold nothing from `closedBefore` on (their visits were over by then), so a range
 * ending after that, at "now" say, holds them whole.
 */
function selectionsOf(
  day: string,
  range: { from: number; to: number },
  timeZone: string,
  granularity: RollupGranularity | undefined,
  closedBefore: Date | null,
): RollupSelection[] | null {
  const pieces = piecesOf(day, timeZone)
    .map((piece) => (closedBefore ? { ...piece, to: Math.min(piece.to, closedBefore.getTime()) } : piece))
    .filter((piece) => piece.from < piece.to);
  const byBucket = new Map<string | null, Piece[]>();
  for (const piece of pieces) {
    if (piece.to <= range.from || piece.from >= range.to) continue;
    if (piece.from < range.from || piece.to > range.to) return null; // the range cuts a local date
    const bucket = bucketOf(piece.date, granularity);
    byBucket.set(bucket, [...(byBucket.get(bucket) ?? []), piece]);
  }
  const selections: RollupSelection[] = [];
  const build = closedBefore ? { closedBefore } : {};
  for (const [bucket, inside] of byBucket) {
    if (inside.length === pieces.length) selections.push({ bucket, day, localDate: null, ...build });
    else if (inside.length === 1) selections.push({ bucket, day, localDate: inside[0]!.date, ...build });
    else return null;
  }
  return selections;
}

/**
 * The plan for `range` given the days with rollups, or null when rollups would answer nothing of it.
 * Ranges cut at other instants than local midnights (realtime) only get rows from days they fully hold.
 */
export function planRollups(
  rolledDays: RolledDays,
  range: Pick<ResolvedRange, 'from' | 'to'>,
  timeZone: string,
  granularity: RollupGranularity | undefined,
): RollupPlan | null {
  const bounds = { from: range.from.getTime(), to: range.to.getTime() };
  const selections: RollupSelection[] = [];
  const rawSpans: TimeSpan[] = [];
  const last = utcDay(new Date(bounds.to - 1));
  for (let day = utcDay(new Date(bounds.from - DAY_SPAN_MS)); day <= last; day = addDays(day, 1)) {
    const start = Date.parse(`${day}T00:00:00Z`);
    if (start + DAY_SPAN_MS <= bounds.from || start >= bounds.to) continue;
    const closedBefore = rolledDays.get(day) ?? null;
    const chosen = rolledDays.has(day) ? selectionsOf(day, bounds, timeZone, granularity, closedBefore) : null;
    if (chosen) selections.push(...chosen);
    if (!chosen) addSpan(rawSpans, { from: new Date(start), to: new Date(start + DAY_MS) });
    else if (closedBefore) rawSpans.push({ from: new Date(start), to: new Date(start + DAY_MS), closedBefore });
  }
  if (selections.length === 0) return null;
  return { selections, rawSpans };
}

/** Adds a whole day to the spans, merged with the one before when they meet (and it is whole too). */
function addSpan(spans: TimeSpan[], span: TimeSpan) {
  const previous = spans.at(-1);
  if (previous && !previous.closedBefore && previous.to.getTime() === span.from.getTime()) previous.to = span.to;
  else spans.push(span);
}
