// Ingest's question to billing: may this site record? False while its team's recording is paused
// (trial ended, unpaid, canceled, or over quota after the grace periods: lib/billing/check-quota.ts).
// One small query every 30 seconds per process, never one per hit: the set of paused sites is cached.
import type { Database } from '@/lib/db/client';

const TTL_MS = 30_000;

export function createRecordingGate(db: Pick<Database, 'site'>, ttlMs = TTL_MS) {
  let paused = new Set<string>();
  let expires = 0;
  let loading: Promise<void> | null = null;

  const refresh = async () => {
    const sites = await db.site.findMany({
      where: { team: { subscription: { recordingPausedAt: { not: null } } } },
      select: { id: true },
    });
    paused = new Set(sites.map((site) => site.id));
    expires = Date.now() + ttlMs;
  };

  return async function recordingAllowed(siteId: string): Promise<boolean> {
    if (Date.now() >= expires) {
      // One refresh at a time; concurrent hits wait for it rather than querying too.
      loading ??= refresh().finally(() => {
        loading = null;
      });
      try {
        await loading;
      } catch {
        // Database trouble: keep the last known set rather than failing the hit (ingest reports its own errors).
        expires = Date.now() + 1_000;
      }
    }
    return !paused.has(siteId);
  };
}
