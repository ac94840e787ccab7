// What is kept of the page URL: the path (plus the fragment for hash-routed sites), the query
// parameters the site allows, and the UTM tags. Everything else in the URL is dropped.
import type { Utm } from './referrer';

const MAX_PATH = 1_000;
const MAX_TAG = 100;
const CLICK_IDS = ['gclid', 'gbraid', 'wbraid', 'msclkid', 'fbclid', 'ttclid', 'li_fat_id'];

export interface PageInfo {
  hostname: string;
  pathname: string;
  utm: Utm;
  /** An ad platform's click id was present (its value is never stored). */
  clickId: boolean;
}

const tag = (params: URLSearchParams, ...names: string[]) => {
  for (const name of names) {
    // %00 decodes to NUL, which PostgreSQL refuses in text: drop it (found by fuzzing).
    const value = params.get(name)?.replaceAll('\0', '').trim();
    if (value) return value.slice(0, MAX_TAG);
  }
  return null;
};

export function readPageUrl(raw: string, options: { hashRouting: boolean; allowedQueryParams: string[] }): PageInfo {
  const url = new URL(raw);
  const params = url.searchParams;
  let pathname = url.pathname || '/';
  if (options.hashRouting && url.hash.startsWith('#/')) pathname = url.hash.slice(1).split('?')[0]!;
  const kept = options.allowedQueryParams
    .filter((name) => params.has(name))
    .sort()
    .map((name) => `${encodeURIComponent(name)}=${encodeURIComponent(params.get(name)!)}`);
  if (kept.length) pathname += `?${kept.join('&')}`;
  return {
    hostname: url.hostname.toLowerCase(),
    pathname: pathname.slice(0, MAX_PATH),
    utm: {
      utmSource: tag(params, 'utm_source', 'ref', 'source'),
      utmMedium: tag(params, 'utm_medium'),
      utmCampaign: tag(params, 'utm_campaign'),
      utmTerm: tag(params, 'utm_term'),
      utmContent: tag(params, 'utm_content'),
    },
    clickId: CLICK_IDS.some((name) => params.has(name)),
  };
}

/** True when `hostname` is the site's domain or one of its subdomains (www. ignored). */
export function belongsToSite(hostname: string, siteDomain: string): boolean {
  const host = hostname.replace(/^www\./, '');
  return host === siteDomain || host.endsWith(`.${siteDomain}`);
}

/** A goal or exclusion pattern as a regular expression source: `*` within a segment, `**` across them. */
export function pathPatternRegex(pattern: string): string {
  const body = pattern
    .split('**')
    .map((part) =>
      part
        .split('*')
        .map((piece) => piece.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
        .join('[^/]*'),
    )
    .join('.*');
  return `^${body}$`;
}

export function matchesPathPattern(path: string, pattern: string): boolean {
  return new RegExp(pathPatternRegex(pattern)).test(path.split('?')[0]!);
}
