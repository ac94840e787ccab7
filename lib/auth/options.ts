// next-auth configuration: credentials sign-in, a JWT that carries only the user and session ids,
// and a server-side session row that every request re-checks (see lib/auth/current-user.ts).
import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';

import { authenticateWithPassword, openSession, SESSION_MAX_AGE_SECONDS } from '@/lib/auth/sign-in';
import { config } from '@/lib/config';
import { db } from '@/lib/db/client';

export function authOptions(): NextAuthOptions {
  return {
    secret: config().AUTH_SECRET,
    session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_SECONDS },
    pages: { signIn: '/sign-in' },
    providers: [
      CredentialsProvider({
        name: 'Email and password',
        credentials: { email: { type: 'email' }, password: { type: 'password' } },
        authorize: (credentials) => authenticateWithPassword(db(), credentials),
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
          const session = await openSession(db(), user.id);
          return { sub: user.id, sid: session.id };
        }
        return token;
      },
      session({ session, token }) {
        return { expires: session.expires, userId: token.sub, sid: token.sid };
      },
    },
  };
}
