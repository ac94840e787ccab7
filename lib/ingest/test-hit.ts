// For tests: an enriched hit with plain defaults, so a test states only what it is about.
import type { EnrichedHit } from './enriched-hit';

export function testHit(
  siteId: string,
  visitorId: bigint,
  at: Date | string,
  pathname: string,
  extra: Partial<EnrichedHit> = {},
): EnrichedHit {
  return {
    siteId,
    timestamp: new Date(at),
    name: 'pageview',
    visitorId,
    previousVisitorId: null,
    hostname: 'test.example.com',
    pathname,
    source: { referrerDomain: 'google.com', referrerSource: 'Google', channel: 'search' },
    utm: { utmSource: null, utmMedium: null, utmCampaign: null, utmTerm: null, utmContent: null },
    place: { country: 'DE', region: null, city: null },
    device: { browser: 'Firefox', browserVersion: '150', os: 'Linux', osVersion: null, device: 'desktop' },
    screen: 'desktop',
    props: null,
    revenue: null,
    ...extra,
  };
}
