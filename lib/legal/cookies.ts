// Every cookie the dashboard sets, and the one thing the tracker may store: the cookie statement
// renders this list and e2e/read-the-public-site.spec.ts compares it with what a browser receives.
import { secureCookies, SHARE_UNLOCK_HOURS } from '@/lib/auth/cookies';
import { LOGIN_CHALLENGE_TTL_SECONDS } from '@/lib/auth/login-challenge';
import { WEBAUTHN_CHALLENGE_TTL_SECONDS } from '@/lib/auth/passkeys/relying-party';
import { SESSION_MAX_AGE_SECONDS } from '@/lib/auth/sessions';
import { TEAM_COOKIE_MAX_AGE_SECONDS } from '@/lib/teams/current-team';

export interface CookieDoc {
  /** The name over plain http; `securePrefix` is added where browsers allow secure cookies. */
  name: string;
  securePrefix: '__Secure-' | '__Host-';
  /** Glance's own cookies take the prefix on https and on localhost; next-auth's only on https. */
  owner: 'glance' | 'next-auth';
  sameSite: 'Lax' | 'Strict';
  purpose: string;
  lifetime: string;
  setWhen: string;
}

export const DASHBOARD_COOKIES: CookieDoc[] = [
  {
    name: 'glance.session',
    securePrefix: '__Host-',
    owner: 'glance',
    sameSite: 'Lax',
    purpose:
      'Keeps you signed in. It holds a signed token naming your account and your server-side session, nothing else; signing out or revoking the session makes it worthless at once.',
    lifetime: `${SESSION_MAX_AGE_SECONDS / 3600} hours at most`,
    setWhen: 'When you sign in.',
  },
  {
    name: 'glance.login',
    securePrefix: '__Host-',
    owner: 'glance',
    sameSite: 'Strict',
    purpose:
      'Connects the password step of a sign-in to its second step (an authenticator code). It holds a random token; we keep only its hash.',
    lifetime: `${LOGIN_CHALLENGE_TTL_SECONDS / 60} minutes`,
    setWhen: 'When your password is accepted.',
  },
  {
    name: 'glance.webauthn',
    securePrefix: '__Host-',
    owner: 'glance',
    sameSite: 'Strict',
    purpose: 'Names the passkey challenge in progress, so that only this browser can answer it.',
    lifetime: `${WEBAUTHN_CHALLENGE_TTL_SECONDS / 60} minutes`,
    setWhen: 'When you sign in with a passkey or add one.',
  },
  {
    name: 'glance.share',
    securePrefix: '__Host-',
    owner: 'glance',
    sameSite: 'Lax',
    purpose:
      'Remembers that this browser entered the password of a password-protected shared dashboard. It holds, per link, the link’s identifier, an expiry time and a signature: nothing about you.',
    lifetime: `${SHARE_UNLOCK_HOURS} hours`,
    setWhen: 'When you enter the password of a shared dashboard (also without an account).',
  },
  {
    name: 'glance.team',
    securePrefix: '__Host-',
    owner: 'glance',
    sameSite: 'Lax',
    purpose:
      'Remembers which of your teams the dashboard shows. It holds the team’s identifier only; your access is checked on every request.',
    lifetime: `${TEAM_COOKIE_MAX_AGE_SECONDS / 86_400} days`,
    setWhen: 'When you switch teams, create a team or join one.',
  },
  {
    name: 'next-auth.csrf-token',
    securePrefix: '__Host-',
    owner: 'next-auth',
    sameSite: 'Lax',
    purpose:
      'Proves that a sign-in or sign-out request came from our own page (protection against cross-site request forgery).',
    lifetime: 'Until you close the browser.',
    setWhen: 'When you sign in or out.',
  },
  {
    name: 'next-auth.callback-url',
    securePrefix: '__Secure-',
    owner: 'next-auth',
    sameSite: 'Lax',
    purpose: 'Remembers which dashboard page to show after signing in.',
    lifetime: 'Until you close the browser.',
    setWhen: 'When you sign in or out.',
  },
];

/** A cookie's name as browsers see it for an app served at `appUrl`. */
export function cookieNameFor(cookie: CookieDoc, appUrl: string): string {
  const secure = cookie.owner === 'glance' ? secureCookies(appUrl) : new URL(appUrl).protocol === 'https:';
  return (secure ? cookie.securePrefix : '') + cookie.name;
}

/** All dashboard cookie names as a browser sees them for an app served at `appUrl`. */
export function dashboardCookieNames(appUrl: string): string[] {
  return DASHBOARD_COOKIES.map((cookie) => cookieNameFor(cookie, appUrl));
}

/** The tracker's only storage: first-party localStorage on the customer's site, only on request. */
export const TRACKER_OPT_OUT_KEY = 'glance_ignore';
