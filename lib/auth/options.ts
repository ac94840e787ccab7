// next-auth configuration. Sign-in completes a login challenge (password, then a second factor when
// enabled) or a passkey assertion; the JWT carries only user id, session id and session version, and
// every request re-checks the server-side session row (lib/auth/sessions.ts).
import type { NextAuthOptions, User } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';

import { config } from '@/lib/config';
import { db } from '@/lib/db/client';
import { AppError } from '@/lib/errors';

import { accountContext } from './account-context';
import { loginCookieName, readCookie, secureCookies, sessionCookieName, webauthnCookieName } from './cookies';
import { completeSignIn } from './login-challenge';
import { finishPasskeySignIn } from './passkeys/passkey-sign-in';
import { requestMeta } from './request-meta';
import { describeDevice, openSession, SESSION_MAX_AGE_SECONDS, type Factor } from './sessions';
import { checkSecondFactor } from './two-factor';

type Headers = Record<string, string | string[] | undefined>;

const cookieHeader = (headers: Headers) => (Array.isArray(headers.cookie) ? headers.cookie.join('; ') : headers.cookie);

/** The user next-auth hands to the jwt callback, with what the session row records. */
async function signedInUser(userId: string, factors: Factor[], headers: Headers): Promise<User> {
  const user = await db().user.findUniqueOrThrow({ where: { id: userId }, select: { id: true, sessionVersion: true } });
  return { id: user.id, sessionVersion: user.sessionVersion, factors, ...describeDevice(requestMeta(headers)) };
}

/** next-auth reports a thrown error's message to the client: only our safe messages get through. */
async function safely<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof AppError) throw new Error(error.message);
    throw new Error('Something went wrong. Please try again.');
  }
}

export function authOptions(): NextAuthOptions {
  return {
    secret: config().AUTH_SECRET,
    session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_SECONDS },
    pages: { signIn: '/sign-in', error: '/sign-in' },
    cookies: {
      sessionToken: {
        name: sessionCookieName(),
        options: { httpOnly: true, sameSite: 'lax', path: '/', secure: secureCookies() },
      },
    },
    providers: [
      CredentialsProvider({
        id: 'login',
        name: 'Login challenge',
        credentials: { code: { type: 'text' }, recoveryCode: { type: 'text' } },
        authorize: (credentials, req) =>
          safely(async () => {
            const headers = (req.headers ?? {}) as Headers;
            const done = await completeSignIn(
              accountContext(),
              {
                challengeToken: readCookie(cookieHeader(headers), loginCookieName()),
                code: credentials?.code || undefined,
                recoveryCode: credentials?.recoveryCode || undefined,
              },
              requestMeta(headers),
              checkSecondFactor,
            );
            return signedInUser(done.userId, done.factors, headers);
          }),
      }),
      CredentialsProvider({
        id: 'passkey',
        name: 'Passkey',
        credentials: { response: { type: 'text' } },
        authorize: (credentials, req) =>
          safely(async () => {
            const headers = (req.headers ?? {}) as Headers;
            const done = await finishPasskeySignIn(
              accountContext(),
              {
                challengeId: readCookie(cookieHeader(headers), webauthnCookieName()),
                response: credentials?.response?.slice(0, 16_384),
              },
              requestMeta(headers),
            );
            return signedInUser(done.userId, done.factors, headers);
          }),
      }),
    ],
    events: {
      // Signing out ends the server-side session too, so a copied cookie stops working at once.
      async signOut({ token }) {
        if (typeof token?.sid === 'string') {
          await db().userSession.updateMany({
            where: { id: token.sid, revokedAt: null },
            data: { revokedAt: new Date() },
          });
        }
      },
    },
    callbacks: {
      async jwt({ token, user }) {
        if (user) {
          // A new session id at every sign-in (ASVS 7.2.4).
          const session = await openSession(db(), {
            userId: user.id,
            factors: user.factors ?? [],
            deviceClass: user.deviceClass ?? null,
            country: user.country ?? null,
          });
          return { sub: user.id, sid: session.id, ver: user.sessionVersion ?? 0 };
        }
        return token;
      },
      session({ session, token }) {
        return { expires: session.expires, userId: token.sub, sid: token.sid, ver: token.ver };
      },
    },
  };
}
