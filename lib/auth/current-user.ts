// Resolves the signed-in user for server components, actions and route handlers. The JWT alone is
// not trusted: the session row it names must be live and its version current (lib/auth/sessions.ts).
import { getServerSession } from 'next-auth';
import { redirect } from 'next/navigation';
import { cache } from 'react';

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

/**
 * The signed-in user, or a redirect to sign-in. Looked up once per server render: a layout and its page
 * share the answer (React's cache() is scoped to one request; outside a render it calls through).
 */
export const requireUser = cache(async (): Promise<CurrentUser> => {
  const user = await currentUser();
  if (!user) redirect('/sign-in');
  return user;
});
