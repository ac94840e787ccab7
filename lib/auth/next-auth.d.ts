// What Glance adds to next-auth's session and token: ids and the session version only, never
// roles or personal data. `User` is what authorize() hands the jwt callback to open a session.
import 'next-auth';
import 'next-auth/jwt';

import type { Factor } from './sessions';

declare module 'next-auth' {
  interface Session {
    userId?: string;
    sid?: string;
    ver?: number;
  }
  interface User {
    factors?: Factor[];
    sessionVersion?: number;
    deviceClass?: string | null;
    country?: string | null;
  }
}

declare module 'next-auth/jwt' {
  interface JWT {
    sid?: string;
    ver?: number;
  }
}
