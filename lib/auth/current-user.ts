// Resolves the signed-in user for server components and route handlers. The JWT alone is not
// trusted: the session row it names must exist, be unexpired and not revoked.
import { getServerSession } from 'next-auth';
import { redirect } from 'next/navigation';

import { authOptions } from '@/lib/auth/options';
import { db } from '@/lib/db/client';

export interface CurrentUser {
  id: string;
  email: string;
  name: string | null;
  sessionId: string;
}

export async function currentUser(now = new Date()): Promise<CurrentUser | null> {
  const session = await getServerSession(authOptions());
  if (!session?.userId || !session.sid) return null;
  const row = await db().userSession.findFirst({
    where: { id: session.sid, userId: session.userId, revokedAt: null, expiresAt: { gt: now } },
    select: { id: true, user: { select: { id: true, email: true, name: true } } },
  });
  if (!row) return null;
  return { ...row.user, sessionId: row.id };
}

export async function requireUser(): Promise<CurrentUser> {
  const user = await currentUser();
  if (!user) redirect('/sign-in');
  return user;
}
