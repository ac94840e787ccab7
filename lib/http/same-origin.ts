// Cross-site request refusal for route handlers that act on cookies (SECURITY-NOTES.md): a browser
// always sends Origin on POST, and Sec-Fetch-Site where supported. proxy.ts is not the boundary.
import { config } from '@/lib/config';

export function isSameOrigin(headers: { get(name: string): string | null }, appUrl = config().APP_URL): boolean {
  const site = headers.get('sec-fetch-site');
  if (site && site !== 'same-origin' && site !== 'none') return false;
  const origin = headers.get('origin');
  if (origin === null) return true;
  return origin === new URL(appUrl).origin;
}
