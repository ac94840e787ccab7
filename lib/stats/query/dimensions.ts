// Every dimension a report can break down or filter by, and where its value lives in the tables.
// Visit-level values are read from "Visit" (v); events carry copies of them, read from "Event" (e).
// Free of database imports: the dashboard's client components use it too (SQL is in dimension-sql.ts).
export const NONE_LABEL = '(none)';
export const DIRECT_LABEL = 'Direct / None';

export interface VisitDimension {
  level: 'visit';
  label: string;
  /** Column on "Visit"; events have a column of the same name unless `eventColumn` says otherwise. */
  column: string;
  /** Column on "Event" holding the same value, or null when only the visit has it. */
  eventColumn: string | null;
  empty?: string;
}

export interface EventDimension {
  level: 'event';
  label: string;
  column: string;
  empty?: string;
  /** The column is NOT NULL: compared as it is, so that an index on it can serve filters. */
  required?: boolean;
}

export type DimensionInfo = VisitDimension | EventDimension;

const visit = (label: string, column: string, empty = NONE_LABEL, eventColumn: string | null = column) =>
  ({ level: 'visit', label, column, eventColumn, empty }) satisfies VisitDimension;

export const DIMENSIONS = {
  page: { level: 'event', label: 'Page', column: 'pathname', required: true },
  hostname: { level: 'event', label: 'Hostname', column: 'hostname', required: true },
  event_name: { level: 'event', label: 'Event', column: 'name', required: true },
  entry_page: visit('Entry page', 'entryPath', NONE_LABEL, null),
  exit_page: visit('Exit page', 'exitPath', NONE_LABEL, null),
  source: visit('Source', 'referrerSource', DIRECT_LABEL),
  referrer: visit('Referrer', 'referrerDomain', DIRECT_LABEL),
  channel: visit('Channel', 'channel'),
  utm_source: visit('UTM source', 'utmSource'),
  utm_medium: visit('UTM medium', 'utmMedium'),
  utm_campaign: visit('UTM campaign', 'utmCampaign'),
  utm_term: visit('UTM term', 'utmTerm'),
  utm_content: visit('UTM content', 'utmContent'),
  country: visit('Country', 'country'),
  region: visit('Region', 'region'),
  city: visit('City', 'city'),
  browser: visit('Browser', 'browser'),
  browser_version: visit('Browser version', 'browserVersion'),
  os: visit('Operating system', 'os'),
  os_version: visit('OS version', 'osVersion'),
  device: visit('Device', 'device'),
  screen: visit('Screen size', 'screen'),
} as const satisfies Record<string, DimensionInfo>;

export type PlainDimension = keyof typeof DIMENSIONS;
/** `prop:<key>`: a custom event property, broken down by value. */
export type PropDimension = `prop:${string}`;
/** `goal`: the site's goals, each row one goal, matched as events arrive in the range. */
export type Dimension = PlainDimension | PropDimension | 'goal';

export const PLAIN_DIMENSIONS = Object.keys(DIMENSIONS) as PlainDimension[];
export const PROP_KEY = /^[\w.-]{1,64}$/;

export function isPropDimension(dimension: string): dimension is PropDimension {
  return dimension.startsWith('prop:') && PROP_KEY.test(dimension.slice(5));
}

export function dimensionLabel(dimension: Dimension): string {
  if (dimension === 'goal') return 'Goal';
  if (isPropDimension(dimension)) return dimension.slice(5);
  return DIMENSIONS[dimension].label;
}

/** Whether a dimension describes the whole visit (source, place, device...) rather than one event. */
export function isVisitDimension(dimension: Dimension): dimension is PlainDimension {
  return dimension !== 'goal' && !isPropDimension(dimension) && DIMENSIONS[dimension].level === 'visit';
}
