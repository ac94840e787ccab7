// POST { email, password }: the password step of signing in. Sets the login-challenge cookie and
// says whether a second factor is needed; the client then completes with next-auth's "login".
import { cookies } from 'next/headers';

import { accountContext } from '@/lib/auth/account-context';
import { cookieOptions, loginCookieName } from '@/lib/auth/cookies';
import { LOGIN_CHALLENGE_TTL_SECONDS } from '@/lib/auth/login-challenge';
import { requestMeta } from '@/lib/auth/request-meta';
import { startPasswordSignIn } from '@/lib/auth/sign-in';
import { Forbidden, Invalid } from '@/lib/errors';
import { errorResponse } from '@/lib/http/error-response';
import { readBodyText } from '@/lib/http/read-body';
import { isSameOrigin } from '@/lib/http/same-origin';

export const dynamic = 'force-dynamic';

export async function POST(request: Request) {
  try {
    if (!isSameOrigin(request.headers)) throw new Forbidden('Cross-site requests are not accepted.');
    const body = await readBodyText(request, 4096);
    let input: unknown;
    try {
      input = JSON.parse(body);
    } catch {
      throw new Invalid('Send JSON with email and password.');
    }
    const result = await startPasswordSignIn(accountContext(), input, requestMeta(request.headers));
    (await cookies()).set(
      loginCookieName(),
      result.challengeToken,
      cookieOptions(LOGIN_CHALLENGE_TTL_SECONDS, 'strict'),
    );
    return Response.json(
      { next: result.needsSecondFactor ? 'two-factor' : 'complete' },
      { headers: { 'Cache-Control': 'no-store' } },
    );
  } catch (error) {
    return errorResponse(error);
  }
}
