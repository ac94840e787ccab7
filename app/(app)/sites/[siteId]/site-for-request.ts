// The signed-in user and the site of this URL, looked up once per request: the layout asks first (so an
// unseen site is a real 404 before anything streams) and the page below reuses the same answer.
// React's cache() memoizes for one server render only, so nothing is shared between requests or users.
import { cache } from 'react';

import { requireUser } from '@/lib/auth/current-user';
import { db } from '@/lib/db/client';
import { findSiteForUser } from '@/lib/sites/access';

import { orTwoFactorNotice } from '@/app/(app)/two-factor-gate';

/** The user and the site (null when the user may not see it); a 2FA-blocked member is sent to the team page. */
export const siteForRequest = cache(async (siteId: string) => {
  const user = await requireUser();
  const site = await orTwoFactorNotice(findSiteForUser(db(), user.id, siteId));
  return { user, site };
});
