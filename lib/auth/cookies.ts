// Names and attributes of Glance's auth cookies. They carry the __Host- prefix (Secure, Path=/, no
// Domain: no subdomain can set or read them) wherever browsers allow Secure cookies: https, and
// http://localhost, which browsers treat as a secure context.
import { config } from '@/lib/config';

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

export function secureCookies(appUrl = config().APP_URL): boolean {
  const url = new URL(appUrl);
  return url.protocol === 'https:' || LOOPBACK.has(url.hostname);
}

const named = (name: string, appUrl?: string) => `${secureCookies(appUrl) ? '__Host-' : ''}glance.${name}`;

export const sessionCookieName = (appUrl?: string) => named('session', appUrl);
/** The sign-in between password and second factor (lib/auth/login-challenge.ts). */
export const loginCookieName = (appUrl?: string) => named('login', appUrl);
/** The pending WebAuthn ceremony (lib/auth/passkeys). */
export const webauthnCookieName = (appUrl?: string) => named('webauthn', appUrl);
/** Shared links whose password this browser entered (lib/sharing/shared-link-access.ts). */
export const shareCookieName = (appUrl?: string) => named('share', appUrl);
/** How long an entered shared-link password is remembered. */
export const SHARE_UNLOCK_HOURS = 12;

/** Which of your teams the dashboard shows (lib/teams/current-team.ts): a preference, not a credential. */
export const teamCookieName = (appUrl?: string) => named('team', appUrl);

export function cookieOptions(maxAgeSeconds: number, sameSite: 'lax' | 'strict' = 'lax') {
  return { httpOnly: true, secure: secureCookies(), sameSite, path: '/', maxAge: maxAgeSeconds } as const;
}

/** A cookie's value from a raw Cookie header (next-auth hands authorize() plain headers). */
export function readCookie(cookieHeader: string | null | undefined, name: string): string | null {
  for (const part of (cookieHeader ?? '').split(';')) {
    const index = part.indexOf('=');
    if (index > 0 && part.slice(0, index).trim() === name) return decodeURIComponent(part.slice(index + 1).trim());
  }
  return null;
}
