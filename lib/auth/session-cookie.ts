// Issues the next-auth session cookie for a rotated session (after a password or factor change the
// browser gets a new session id and version without signing in again). Same format as next-auth's.
import { encode } from 'next-auth/jwt';
import { cookies } from 'next/headers';

import { config } from '@/lib/config';

import { cookieOptions, sessionCookieName } from './cookies';
import { SESSION_MAX_AGE_SECONDS } from './sessions';

export async function issueSessionCookie(session: { userId: string; sessionId: string; version: number }) {
  const token = await encode({
    token: { sub: session.userId, sid: session.sessionId, ver: session.version },
    secret: config().AUTH_SECRET,
    maxAge: SESSION_MAX_AGE_SECONDS,
  });
  (await cookies()).set(sessionCookieName(), token, cookieOptions(SESSION_MAX_AGE_SECONDS));
}
