// What Glance stores for each hit, column by column, and what it never stores. The data policy page
// renders these lists; stored-data.test.ts compares them with prisma/schema.prisma.
import { AUDIT_RETENTION_MONTHS, PAID_PLANS } from '@/lib/billing/plans';

import type { ModelDoc } from './stored-data-types';

const months = PAID_PLANS.map((plan) => plan.limits.retentionMonths);
/** "24 to 60 months", from the plan definitions. */
export const EVENT_RETENTION_RANGE = `${Math.min(...months)} to ${Math.max(...months)} months`;
export { AUDIT_RETENTION_MONTHS };

const HIT_RETENTION = `For the retention period of the customer’s plan (${EVENT_RETENTION_RANGE}), or until the customer deletes the site or its team, whichever comes first.`;

// Columns shared by events and visits: the coarse dimensions derived from one request.
const SITE_ID = 'Which of the customer’s sites the row belongs to.';
const DIMENSIONS = {
  referrerDomain:
    'The domain of the page the visitor came from (for example news.ycombinator.com), without its path or query; empty for direct visits and links within the site.',
  referrerSource:
    'A source name grouped from the referrer or the utm_source tag, such as “Google” or “Newsletter”; empty for direct visits.',
  channel: 'One of direct, search, social, email, referral or paid, derived from the referrer and the UTM tags.',
  utmSource: 'The utm_source tag of the page URL (or ref= / source=), at most 100 characters.',
  utmMedium: 'The utm_medium tag of the page URL, at most 100 characters.',
  utmCampaign: 'The utm_campaign tag of the page URL, at most 100 characters.',
  utmTerm: 'The utm_term tag of the page URL, at most 100 characters.',
  utmContent: 'The utm_content tag of the page URL, at most 100 characters.',
  country: 'Two-letter country code looked up from the IP address in memory (geoip-lite’s bundled database).',
  region: 'Region code, only when the customer turned on city-level locations for the site; otherwise empty.',
  city: 'City name, only when the customer turned on city-level locations for the site; otherwise empty.',
  browser: 'Browser family (for example Firefox), parsed from the User-Agent header.',
  browserVersion: 'The browser’s major version only (for example 131).',
  os: 'Operating system family (for example iOS).',
  osVersion: 'The operating system’s major version only (for example 18).',
  device: 'desktop, mobile, tablet or other.',
  screen: 'A size class from the window width: mobile (< 576 px), tablet (< 992 px), laptop (< 1440 px) or desktop.',
} as const;

export const EVENT_DOC: ModelDoc<'Event'> = {
  subject: 'visitor',
  title: 'Events (pageviews and custom events)',
  purpose: 'The customer’s statistics: every number on the dashboard is counted from these rows.',
  retention: HIT_RETENTION,
  fields: {
    id: 'A sequential row number.',
    siteId: SITE_ID,
    timestamp: 'When the hit arrived, to the millisecond.',
    name: '“pageview”, or the name of the customer’s custom event (at most 120 characters).',
    visitorId:
      'An anonymous 64-bit number: the first 64 bits of HMAC-SHA256 over site id, IP address and User-Agent, keyed with the day’s random salt. It changes every day and cannot be recomputed once the salt is deleted.',
    visitId: 'The visit the event belongs to.',
    hostname: 'The host name of the page (for example www.example.com).',
    pathname:
      'The page path without query string or fragment (for example /pricing). Query parameters the customer explicitly allow-listed are kept, and the #/route of sites using hash routing.',
    ...DIMENSIONS,
    props:
      'Custom properties the customer’s site sends with an event (at most 30, keys up to 64 and values up to 2,000 characters). The automatic outbound-link and file-download events store the link’s URL here.',
    revenueAmount: 'A revenue amount the customer’s site sends with an event.',
    revenueCurrency: 'The three-letter currency code of that amount.',
  },
};

export const VISIT_DOC: ModelDoc<'Visit'> = {
  subject: 'visitor',
  title: 'Visits',
  purpose:
    'Visit-level statistics (visits, bounce rate, visit duration, entry and exit pages) without re-reading every event.',
  retention: HIT_RETENTION,
  fields: {
    id: 'A sequential row number.',
    siteId: SITE_ID,
    visitorId: 'The same anonymous daily id as on the visit’s events.',
    startedAt: 'Time of the visit’s first event.',
    lastSeenAt: 'Time of its latest event; after 30 minutes without one, the next event starts a new visit.',
    entryPath: 'Path of the first page of the visit (stripped like the event’s path).',
    exitPath: 'Path of the last page of the visit.',
    pageviews: 'Number of pageviews in the visit.',
    events: 'Number of custom events in the visit.',
    ...DIMENSIONS,
  },
};

export const DAILY_SALT_DOC: ModelDoc<'DailySalt'> = {
  subject: 'visitor',
  title: 'Daily salts',
  purpose:
    'The secret key for the day’s anonymous visitor ids. It is never shown to anyone and never leaves the server.',
  retention:
    'Deleted from the database, and overwritten in memory, with the first hit after 00:30 UTC of the following day (the 30 minutes let a visit that straddles midnight continue).',
  fields: {
    day: 'The UTC day the salt belongs to.',
    salt: '32 random bytes from the operating system’s cryptographic random generator.',
    createdAt: 'When the salt was created.',
  },
};

export const ROLLUP_DAY_DOC: ModelDoc<'RollupDay'> = {
  subject: 'visitor',
  title: 'Days with daily totals',
  purpose: 'Which days of a site already have their daily totals, so the dashboard reads those instead of every event.',
  retention: 'As long as the visits of that day: deleted with them by the plan’s retention, and with the site.',
  fields: {
    siteId: 'The site.',
    day: 'The UTC day.',
    builtAt: 'When its totals were computed.',
    closedBefore:
      'For the current day, whose totals are partial: they count the visits that had ended before this time.',
  },
};

export const ROLLUP_DOC: ModelDoc<'Rollup'> = {
  subject: 'visitor',
  title: 'Daily totals',
  purpose:
    'Counts per day and per breakdown value (page, source, country…), computed once a day is over (and, for busy sites, for the visits of the current day that have already ended) so that dashboards load fast. Numbers only: no visitor id, no visit id.',
  retention: 'As long as the visits of that day: deleted with them by the plan’s retention, and with the site.',
  fields: {
    id: 'A sequence number.',
    siteId: 'The site.',
    day: 'The UTC day whose visits are counted.',
    localDate: 'The date in the site’s time zone that this part of the day falls on.',
    whole: 'Whether the row counts the whole day rather than one local date of it.',
    dimension: 'What the row breaks down by (page, source, country…), or nothing for the site’s totals.',
    value: 'The breakdown value, e.g. a path or a country code; the goal’s id for goals.',
    visitors: 'How many different visitor ids.',
    visits: 'How many visits.',
    pageviews: 'How many pageviews.',
    events: 'How many events.',
    revenue: 'The sum of the revenue sent with events.',
    bounces: 'Visits with at most one pageview.',
    entries: 'Visits the bounce rate is measured against.',
    durationSeconds: 'The sum of the visits’ durations.',
    timeOnPageSum: 'The sum of the seconds from a pageview to the next one of the same visit.',
    timeOnPageCount: 'How many such pairs of pageviews.',
    closedBefore:
      'For the current day of a busy site, counted in part: the time before which the counted visits had ended.',
  },
};

/** Things a hit carries, or could carry, that Glance never writes to its database or logs. */
export const NEVER_STORED = [
  {
    item: 'IP addresses',
    detail:
      'Used in memory for the country lookup and the visitor id, then discarded with the request. Never written to a table or a log line.',
  },
  {
    item: 'User-Agent strings',
    detail: 'Only the browser, operating system, their major versions and the device class are kept.',
  },
  {
    item: 'Cookies and other identifiers on the visitor’s device',
    detail:
      'The tracker sets and reads no cookies. The only thing it ever stores in a browser is one opt-out flag, and only when the visitor asks for it with ?glance-opt-out=1.',
  },
  {
    item: 'Full page URLs',
    detail: 'Query strings and fragments are dropped, except parameters the customer allow-listed and UTM tags.',
  },
  { item: 'Full referrer URLs', detail: 'Only the referring domain is kept, never its path or query.' },
  {
    item: 'Ad click identifiers',
    detail: 'gclid, fbclid, msclkid and similar only mark a visit as paid; their values are not kept.',
  },
  {
    item: 'Exact screen sizes, device models, precise locations',
    detail: 'Screen width becomes one of four classes; no device model, no coordinates.',
  },
  {
    item: 'Identifiers that work across sites or across days',
    detail:
      'The visitor id includes the site id and a salt that changes every day, so the same browser gets unrelated ids on two sites or on two days.',
  },
  {
    item: 'Hits from bots, automated browsers and Do Not Track / Global Privacy Control',
    detail:
      'Dropped before anything is derived (unless the customer turned off Do Not Track for the site), and nothing is stored for them.',
  },
] as const;

export const AUDIT_RETENTION = `${AUDIT_RETENTION_MONTHS} months`;
