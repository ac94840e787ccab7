// Looks sites up by domain for ingest, with a short in-memory cache (misses are cached too, so a
// flood of hits for unknown domains does not reach the database).
import type { Database } from '@/lib/db/client';

export interface IngestSite {
  id: string;
  domain: string;
  respectDoNotTrack: boolean;
  collectCityLevel: boolean;
  excludedPaths: string[];
  excludedIpHashes: string[];
  allowedQueryParams: string[];
}

const TTL_MS = 30_000;
const MAX_ENTRIES = 50_000;

export function normaliseDomain(domain: string): string {
  return domain
    .trim()
    .toLowerCase()
    .replace(/^https?:\/\//, '')
    .replace(/\/.*$/, '')
    .replace(/^www\./, '');
}

export class SiteCache {
  private readonly entries = new Map<string, { site: IngestSite | null; expires: number }>();

  constructor(private readonly db: Database) {}

  async byDomain(domain: string, now = Date.now()): Promise<IngestSite | null> {
    const normalised = normaliseDomain(domain);
    const cached = this.entries.get(normalised);
    if (cached && cached.expires > now) return cached.site;
    const site = await this.db.site.findUnique({
      where: { domain: normalised },
      select: {
        id: true,
        domain: true,
        respectDoNotTrack: true,
        collectCityLevel: true,
        excludedPaths: true,
        excludedIpHashes: true,
        allowedQueryParams: true,
      },
    });
    if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
    this.entries.set(normalised, { site, expires: now + TTL_MS });
    return site;
  }

  /** Drops a domain's entry at once (a site was deleted or its settings changed). */
  forget(domain: string) {
    this.entries.delete(normaliseDomain(domain));
  }
}
