// Answers a site the caller cannot see with a real 404 status. The pages below stream behind loading
// skeletons (loading.tsx), and once a stream has started its status is 200 whatever the page decides;
// a layout renders before that boundary, so its notFound() still sets the status (and a member the
// team's 2FA policy blocks is sent to the team page before anything streams). Pages read the same
// answer (site-for-request.ts), so the lookup runs once per request.
import { notFound } from 'next/navigation';

import { siteForRequest } from './site-for-request';

export default async function SiteLayout({
  children,
  params,
}: {
  children: React.ReactNode;
  params: Promise<{ siteId: string }>;
}) {
  const { siteId } = await params;
  if (!(await siteForRequest(siteId)).site) notFound();
  return children;
}
