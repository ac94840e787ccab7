// The site owner's list of visitor addresses not to count. The addresses arrive, are checked and
// hashed (lib/privacy/excluded-ips.ts), and only the hashes are stored: the list cannot be shown back.
import { recordAudit } from '@/lib/audit/record-audit';
import type { Database } from '@/lib/db/client';
import { Invalid, NotFound } from '@/lib/errors';
import { forgetSite } from '@/lib/ingest/runtime';
import { excludedIpHash, MAX_EXCLUDED_IPS, normaliseIp } from '@/lib/privacy/excluded-ips';
import { requirePermission } from '@/lib/teams/permissions';

export type ExcludedIpsChange = { mode: 'add'; addresses: string } | { mode: 'clear' };

/** Addresses from a text box: one per line or separated by commas or spaces. */
export function parseAddresses(text: string): string[] {
  const words = text.split(/[\s,]+/).filter(Boolean);
  const invalid = words.filter((word) => normaliseIp(word) === null);
  if (invalid.length > 0) {
    throw new Invalid('Please correct the addresses', {
      addresses: `Not an IP address: ${invalid.slice(0, 3).join(', ')}${invalid.length > 3 ? '…' : ''}`,
    });
  }
  if (words.length === 0) throw new Invalid('Please correct the addresses', { addresses: 'Enter an IP address.' });
  return [...new Set(words.map((word) => normaliseIp(word)!))];
}

/** Adds addresses to the list, or empties it. Returns how many addresses the list now holds. */
export async function changeExcludedIps(
  db: Database,
  actor: { userId: string },
  siteId: string,
  change: ExcludedIpsChange,
): Promise<number> {
  const site = await db.site.findUnique({
    where: { id: siteId },
    select: { id: true, teamId: true, domain: true, excludedIpHashes: true },
  });
  if (!site) throw new NotFound('Site not found');
  await requirePermission(db, actor.userId, site.teamId, 'sites:manage');
  const added = change.mode === 'add' ? parseAddresses(change.addresses).map((ip) => excludedIpHash(site.id, ip)) : [];
  const hashes = change.mode === 'clear' ? [] : [...new Set([...site.excludedIpHashes, ...added])];
  if (hashes.length > MAX_EXCLUDED_IPS) {
    throw new Invalid('Too many addresses', {
      addresses: `A site excludes at most ${MAX_EXCLUDED_IPS} addresses; clear the list and start again.`,
    });
  }
  await db.$transaction(async (tx) => {
    await tx.site.update({ where: { id: site.id }, data: { excludedIpHashes: hashes } });
    await recordAudit(tx, {
      teamId: site.teamId,
      actorId: actor.userId,
      action: 'site.excluded_ips_changed',
      targetType: 'site',
      targetId: site.id,
      metadata: { count: hashes.length },
    });
  });
  forgetSite(site.domain);
  return hashes.length;
}
