'use server';

import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';

import { actionError, type ActionState } from '@/lib/auth/action-result';
import { cookieOptions, SHARE_UNLOCK_HOURS, shareCookieName } from '@/lib/auth/cookies';
import { requestMeta } from '@/lib/auth/request-meta';
import { db } from '@/lib/db/client';
import { NotFound } from '@/lib/errors';
import { subjectKey } from '@/lib/ratelimit/subject-key';
import { findSharedLink, unlockSharedLink } from '@/lib/sharing/shared-link-access';

/** Checks a shared link's password and remembers it in this browser (a signed cookie). */
export async function unlockSharedLinkAction(
  slug: string,
  _previous: ActionState,
  form: FormData,
): Promise<ActionState> {
  const jar = await cookies();
  try {
    const link = await findSharedLink(db(), slug);
    if (!link) throw new NotFound('This shared link does not exist (any more).');
    const ipKey = subjectKey('ip', requestMeta(await headers()).ip);
    const value = await unlockSharedLink(
      link,
      String(form.get('password') ?? ''),
      jar.get(shareCookieName())?.value,
      ipKey,
    );
    jar.set(shareCookieName(), value, cookieOptions(SHARE_UNLOCK_HOURS * 3600));
  } catch (error) {
    return actionError(error);
  }
  redirect(`/share/${slug}`);
}
