// A hit after enrichment: everything that will be stored, and nothing that may not be
// (no IP address, no User-Agent, no full URL or referrer).
import type { DeviceInfo } from './user-agent';
import type { Place } from './geo';
import type { Source, Utm } from './referrer';

export interface EnrichedHit {
  siteId: string;
  timestamp: Date;
  name: string;
  visitorId: bigint;
  /** The same visitor's id under yesterday's salt, shortly after midnight (continues a visit). */
  previousVisitorId: bigint | null;
  hostname: string;
  pathname: string;
  source: Source;
  utm: Utm;
  place: Place;
  device: DeviceInfo;
  screen: string | null;
  props: Record<string, string> | null;
  revenue: { amount: string; currency: string } | null;
}
