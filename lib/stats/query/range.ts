// Turns a date range ("last 7 days", a custom span...) into instants, in the site's time zone.
// Days are the site's days: "today" in Tokyo is not today in Berlin.
import type { DateRange, Granularity } from './schema';

export const REALTIME_MINUTES = 30;

export interface ResolvedRange {
  /** Inclusive local dates; for realtime both are today. */
  fromDate: string;
  toDate: string;
  from: Date;
  /** Exclusive; never later than now. */
  to: Date;
  /** The same stretch of time one period earlier, for comparisons. */
  previous: { from: Date; to: Date };
  /** A sensible bucket size for a chart of this range. */
  granularity: Granularity;
  realtime: boolean;
}

const DAY = 86_400_000;

/** Formatters are costly to create and a plan over a year asks thousands of dates: one per zone. */
function memoized(make: (timeZone: string) => Intl.DateTimeFormat) {
  const cache = new Map<string, Intl.DateTimeFormat>();
  return (timeZone: string) => {
    let format = cache.get(timeZone);
    if (!format) cache.set(timeZone, (format = make(timeZone)));
    return format;
  };
}

const dateFormat = memoized(
  (timeZone) => new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }),
);
const partsFormat = memoized(
  (timeZone) =>
    new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    }),
);

/** The calendar date at `instant` in `timeZone`, as YYYY-MM-DD. */
export function localDate(instant: Date, timeZone: string): string {
  return dateFormat(timeZone).format(instant);
}

/** Minutes `timeZone` is ahead of UTC at `instant`. */
function offsetMinutes(instant: Date, timeZone: string): number {
  const parts = partsFormat(timeZone).formatToParts(instant);
  const get = (type: string) => Number(parts.find((part) => part.type === type)!.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
}

/** The instant local midnight starts `date` in `timeZone` (DST-safe: the offset is re-read at the result). */
export function startOfLocalDay(date: string, timeZone: string): Date {
  const naive = Date.parse(`${date}T00:00:00Z`);
  let instant = naive - offsetMinutes(new Date(naive), timeZone) * 60_000;
  instant = naive - offsetMinutes(new Date(instant), timeZone) * 60_000;
  return new Date(instant);
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
}

function addMonths(date: string, months: number): string {
  const [year, month] = date.split('-').map(Number) as [number, number];
  const first = new Date(Date.UTC(year, month - 1 + months, 1));
  return first.toISOString().slice(0, 10);
}

const firstOfMonth = (date: string) => `${date.slice(0, 8)}01`;
const daysBetween = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / DAY) + 1;

function defaultGranularity(days: number): Granularity {
  if (days <= 2) return 'hour';
  if (days <= 92) return 'day';
  if (days <= 400) return 'week';
  return 'month';
}

/**
 * Resolves `range` at `now`. `firstDate` is the site's first local day with data (for "all time").
 */
export function resolveRange(range: DateRange, timeZone: string, now: Date, firstDate?: string | null): ResolvedRange {
  const today = localDate(now, timeZone);
  if (range === 'realtime') {
    const from = new Date(now.getTime() - REALTIME_MINUTES * 60_000);
    return {
      fromDate: today,
      toDate: today,
      from,
      to: now,
      previous: { from: new Date(from.getTime() - REALTIME_MINUTES * 60_000), to: from },
      granularity: 'minute',
      realtime: true,
    };
  }
  const [fromDate, toDate] = localDates(range, today, firstDate ?? today);
  const days = daysBetween(fromDate, toDate);
  const from = startOfLocalDay(fromDate, timeZone);
  const end = startOfLocalDay(addDays(toDate, 1), timeZone);
  const to = end < now ? end : now;
  // The period before, of the same length, up to the same time of day when this one is still running.
  const previousFrom = startOfLocalDay(addDays(fromDate, -days), timeZone);
  const previousTo = new Date(previousFrom.getTime() + (to.getTime() - from.getTime()));
  return {
    fromDate,
    toDate,
    from,
    to,
    previous: { from: previousFrom, to: previousTo },
    granularity: defaultGranularity(days),
    realtime: false,
  };
}

function localDates(range: Exclude<DateRange, 'realtime'>, today: string, firstDate: string): [string, string] {
  if (typeof range === 'object') return [range.from, range.to];
  switch (range) {
    case 'today':
      return [today, today];
    case 'yesterday':
      return [addDays(today, -1), addDays(today, -1)];
    case '7d':
      return [addDays(today, -6), today];
    case '30d':
      return [addDays(today, -29), today];
    case '90d':
      return [addDays(today, -89), today];
    case 'month':
      return [firstOfMonth(today), today];
    case 'last_month':
      return [addMonths(today, -1), addDays(firstOfMonth(today), -1)];
    case 'year':
      return [`${today.slice(0, 4)}-01-01`, today];
    case '12mo':
      return [addMonths(today, -11), today];
    case 'all':
      return [firstDate < today ? firstDate : today, today];
  }
}
