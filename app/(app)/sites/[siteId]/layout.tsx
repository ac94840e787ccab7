// Answers a site the caller cannot see with a real 404 status. The pages below stream behind loading
// skeletons (loading.tsx), and once a stream has started its status is 200 whatever the page decides;
// a layout renders before that boundary, so its notFound() still sets the status (and a member the
// team's 2FA policy blocks is sent to the team page before anything streams). Pages check again.
import { notFound } from 'next/navigation';

import { requireUser } from '@/lib/auth/current-user';
import { db } from '@/lib/db/client';
import { findSiteForUser } from '@/lib/sites/access';

import { orTwoFactorNotice } from '@/app/(app)/two-factor-gate';

export default async function SiteLayout({
  children,
  params,
}: {
  children: React.ReactNode;
  params: Promise<{ siteId: string }>;
}) {
  const { siteId } = await params;
  const user = await requireUser();
  if (!(await orTwoFactorNotice(findSiteForUser(db(), user.id, siteId)))) notFound();
  return children;
}
