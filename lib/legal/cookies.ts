// Every cookie the dashboard sets, and the one thing the tracker may store: the cookie statement
// renders this list and e2e/read-the-public-site.spec.ts compares it with what a browser receives.
import { SESSION_MAX_AGE_SECONDS } from '@/lib/auth/sessions';

export interface CookieDoc {
  /** The name over plain http (development); `securePrefix` is added when the app runs on https. */
  name: string;
  securePrefix: '__Secure-' | '__Host-';
  purpose: string;
  lifetime: string;
  setWhen: string;
}

export const DASHBOARD_COOKIES: CookieDoc[] = [
  {
    name: 'next-auth.session-token',
    securePrefix: '__Secure-',
    purpose:
      'Keeps you signed in. It holds a signed token naming your account and your server-side session, nothing else; signing out or revoking the session makes it worthless at once.',
    lifetime: `${SESSION_MAX_AGE_SECONDS / 3600} hours at most`,
    setWhen: 'When you sign in.',
  },
  {
    name: 'next-auth.csrf-token',
    securePrefix: '__Host-',
    purpose:
      'Proves that a sign-in or sign-out request came from our own page (protection against cross-site request forgery).',
    lifetime: 'Until you close the browser.',
    setWhen: 'When you sign in or out.',
  },
  {
    name: 'next-auth.callback-url',
    securePrefix: '__Secure-',
    purpose: 'Remembers which dashboard page to show after signing in.',
    lifetime: 'Until you close the browser.',
    setWhen: 'When you sign in or out.',
  },
];

/** All dashboard cookie names as a browser sees them, on http or https. */
export function dashboardCookieNames(https: boolean): string[] {
  return DASHBOARD_COOKIES.map((cookie) => (https ? cookie.securePrefix : '') + cookie.name);
}

/** The tracker's only storage: first-party localStorage on the customer's site, only on request. */
export const TRACKER_OPT_OUT_KEY = 'glance_ignore';
