// Opening a shared link: find it by slug, check its password, and remember in a signed cookie that
// this browser entered it. The cookie names links, not people; an entry is an HMAC over the link id,
// an expiry and the link's password hash, so it dies with the link, its password, or AUTH_SECRET.
import { createHmac, timingSafeEqual } from 'node:crypto';

import { SHARE_UNLOCK_HOURS } from '@/lib/auth/cookies';
import { verifyPassword } from '@/lib/auth/password';
import { config } from '@/lib/config';
import type { Database } from '@/lib/db/client';
import { Unauthorized } from '@/lib/errors';
import { consumeLimit, assertWithinLimit } from '@/lib/ratelimit/auth-limits';

/** Most links one browser keeps unlocked at once (the oldest entry makes room). */
const MAX_UNLOCKED = 10;

export interface SharedLinkView {
  id: string;
  slug: string;
  name: string;
  passwordHash: string | null;
  allowEmbed: boolean;
  site: { id: string; domain: string; timezone: string };
}

/** The link (and its site) for a slug, or null: a revoked or never-issued slug looks the same. */
export async function findSharedLink(db: Database, slug: string): Promise<SharedLinkView | null> {
  if (!/^[\w-]{16,64}$/.test(slug)) return null;
  return db.sharedLink.findUnique({
    where: { slug },
    select: {
      id: true,
      slug: true,
      name: true,
      passwordHash: true,
      allowEmbed: true,
      site: { select: { id: true, domain: true, timezone: true } },
    },
  });
}

function mac(linkId: string, expires: number, passwordHash: string, secret: string): string {
  return createHmac('sha256', secret)
    .update(`glance-share:${linkId}:${expires}:${passwordHash}`)
    .digest('base64url')
    .slice(0, 32);
}

function entries(cookie: string | null | undefined): string[] {
  return (cookie ?? '').split('~').filter((entry) => /^[\w-]+\.\d+\.[\w-]{32}$/.test(entry));
}

/** Whether the cookie unlocks `link` now. Links without a password need nothing. */
export function isUnlocked(
  link: Pick<SharedLinkView, 'id' | 'passwordHash'>,
  cookie: string | null | undefined,
  now = Date.now(),
  secret = config().AUTH_SECRET,
): boolean {
  if (!link.passwordHash) return true;
  return entries(cookie).some((entry) => {
    const [id, expires, signature] = entry.split('.') as [string, string, string];
    if (id !== link.id || Number(expires) <= now) return false;
    const expected = Buffer.from(mac(id, Number(expires), link.passwordHash!, secret));
    const given = Buffer.from(signature);
    return expected.length === given.length && timingSafeEqual(expected, given);
  });
}

/**
 * Checks the password (at most 10 wrong ones per IP a minute, as for sign-in) and returns the new
 * cookie value: this link's entry added to the still-valid others.
 */
export async function unlockSharedLink(
  link: Pick<SharedLinkView, 'id' | 'passwordHash'>,
  password: string,
  cookie: string | null | undefined,
  ipKey: string,
  now = Date.now(),
  secret = config().AUTH_SECRET,
): Promise<string> {
  if (!link.passwordHash) throw new Unauthorized('This link has no password.');
  await assertWithinLimit('sharedLinkFailuresPerIp', ipKey);
  if (!(await verifyPassword(link.passwordHash, password.slice(0, 200)))) {
    await consumeLimit('sharedLinkFailuresPerIp', ipKey);
    throw new Unauthorized('That password is not right.');
  }
  const expires = now + SHARE_UNLOCK_HOURS * 3_600_000;
  const kept = entries(cookie).filter((entry) => {
    const [id, until] = entry.split('.');
    return id !== link.id && Number(until) > now;
  });
  return [
    ...kept.slice(-(MAX_UNLOCKED - 1)),
    `${link.id}.${expires}.${mac(link.id, expires, link.passwordHash, secret)}`,
  ].join('~');
}

/**
 * Whether /share/<slug>/embed may be framed by other sites (proxy.ts asks, to relax frame-ancestors
 * for that response only). The embed page itself answers 404 for any other link.
 */
export async function embeddingAllowed(db: Database, slug: string): Promise<boolean> {
  const link = await findSharedLink(db, slug);
  return Boolean(link?.allowEmbed && !link.passwordHash);
}
