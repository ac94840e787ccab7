// Server-side session rows. The browser's token names a row (sid) and the user's session version;
// a request is signed in only while that row is unrevoked, active within the idle timeout, younger
// than the absolute lifetime, and the version still matches (bumped on password or factor change).
import { parseUserAgent } from '@/lib/ingest/user-agent';
import { locate } from '@/lib/ingest/geo';
import type { Database } from '@/lib/db/client';
import type { Prisma } from '@/lib/db/generated/client';

import type { RequestMeta } from './account-context';

export const SESSION_MAX_AGE_SECONDS = 12 * 60 * 60;
export const SESSION_IDLE_SECONDS = 30 * 60;
/** lastSeenAt is written at most this often per session, not on every request. */
const TOUCH_EVERY_MS = 60 * 1000;

export type Factor = 'password' | 'totp' | 'recovery-code' | 'passkey';

/** Device class and country only: the IP and User-Agent themselves are never stored. */
export function describeDevice(meta: RequestMeta): { deviceClass: string | null; country: string | null } {
  return {
    deviceClass: meta.userAgent ? parseUserAgent(meta.userAgent).device : null,
    country: meta.ip ? locate(meta.ip, false).country : null,
  };
}

type Writer = Pick<Database, 'userSession'> | Prisma.TransactionClient;

export async function openSession(
  db: Writer,
  input: { userId: string; factors: Factor[]; deviceClass: string | null; country: string | null },
  now = new Date(),
) {
  return db.userSession.create({
    data: {
      userId: input.userId,
      factors: input.factors,
      deviceClass: input.deviceClass,
      country: input.country,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + SESSION_MAX_AGE_SECONDS * 1000),
    },
    select: { id: true },
  });
}

export interface SessionClaims {
  sub?: string;
  sid?: string;
  ver?: number;
}

/** The signed-in user for a token's claims, or null; refreshes the row's last-seen time. */
export async function resolveSession(db: Database, claims: SessionClaims, now = new Date()) {
  if (!claims.sub || !claims.sid || typeof claims.ver !== 'number') return null;
  const row = await db.userSession.findFirst({
    where: {
      id: claims.sid,
      userId: claims.sub,
      revokedAt: null,
      expiresAt: { gt: now },
      lastSeenAt: { gt: new Date(now.getTime() - SESSION_IDLE_SECONDS * 1000) },
      user: { sessionVersion: claims.ver },
    },
    select: { id: true, lastSeenAt: true, user: { select: { id: true, email: true, name: true } } },
  });
  if (!row) return null;
  if (now.getTime() - row.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await db.userSession.updateMany({ where: { id: row.id, revokedAt: null }, data: { lastSeenAt: now } });
  }
  return { ...row.user, sessionId: row.id };
}

/**
 * After a password or second-factor change: bump the user's session version (every token in
 * circulation stops working), end all their sessions, and open a new one for the acting browser.
 */
export async function rotateSessions(
  tx: Prisma.TransactionClient,
  userId: string,
  currentSessionId: string,
  now: Date,
) {
  const current = await tx.userSession.findUnique({
    where: { id: currentSessionId },
    select: { factors: true, deviceClass: true, country: true },
  });
  const { sessionVersion } = await tx.user.update({
    where: { id: userId },
    data: { sessionVersion: { increment: 1 } },
    select: { sessionVersion: true },
  });
  await tx.userSession.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: now } });
  const session = await openSession(
    tx,
    {
      userId,
      factors: (current?.factors ?? []) as Factor[],
      deviceClass: current?.deviceClass ?? null,
      country: current?.country ?? null,
    },
    now,
  );
  return { userId, sessionId: session.id, version: sessionVersion };
}
