// Next.js 16 proxy: headers only, never the security boundary (every page, action and handler
// checks access itself). Gives each page a CSP with a fresh nonce, and every response the base
// security headers. The tracker script and /api/event get their own headers elsewhere.
import { NextResponse, type NextRequest } from 'next/server';

import { config as appConfig, isNextDev } from '@/lib/config';
import { db } from '@/lib/db/client';
import { BASE_SECURITY_HEADERS, contentSecurityPolicy, createNonce } from '@/lib/http/security-headers';
import { embeddingAllowed } from '@/lib/sharing/shared-link-access';

const EMBED_PATH = /^\/share\/([\w-]{16,64})\/embed\/?$/;

export async function proxy(request: NextRequest) {
  const nonce = createNonce();
  // Only an embeddable shared link may be framed by other sites; everything else keeps 'none'/DENY.
  const embed = EMBED_PATH.exec(request.nextUrl.pathname);
  // A failed lookup keeps the default: the page is then not framable (it errors out anyway).
  const embeddable = embed ? await embeddingAllowed(db(), embed[1]!).catch(() => false) : false;
  const csp = contentSecurityPolicy(nonce, {
    dev: isNextDev,
    https: appConfig().APP_URL.startsWith('https://'),
    embeddable,
  });
  // Next.js reads the policy from the request to put the nonce on the scripts it renders.
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('x-nonce', nonce);
  requestHeaders.set('Content-Security-Policy', csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set('Content-Security-Policy', csp);
  for (const [name, value] of Object.entries(BASE_SECURITY_HEADERS)) response.headers.set(name, value);
  // X-Frame-Options has no "anyone" value: leave it out and let frame-ancestors speak.
  if (embeddable) response.headers.delete('X-Frame-Options');
  return response;
}

export const config = {
  matcher: [
    // Everything but build assets, the tracker script and the tracker endpoint.
    { source: '/((?!_next/static|_next/image|js/|api/event).*)' },
  ],
};
