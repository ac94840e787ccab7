// Resolves the signed-in user for server components, actions and route handlers. The JWT alone is
// not trusted: the session row it names must be live and its version current (lib/auth/sessions.ts).
import { getServerSession } from 'next-auth';
import { redirect } from 'next/navigation';

import { authOptions } from '@/lib/auth/options';
import { db } from '@/lib/db/client';

import { resolveSession } from './sessions';

export interface CurrentUser {
  id: string;
  email: string;
  name: string | null;
  sessionId: string;
}

export async function currentUser(now = new Date()): Promise<CurrentUser | null> {
  const session = await getServerSession(authOptions());
  if (!session) return null;
  return resolveSession(db(), { sub: session.userId, sid: session.sid, ver: session.ver }, now);
}

export async function requireUser(): Promise<CurrentUser> {
  const user = await currentUser();
  if (!user) redirect('/sign-in');
  return user;
}
