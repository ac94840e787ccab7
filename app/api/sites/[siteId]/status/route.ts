// GET: whether a site has received its first event (polled by the install panel).
import { currentUser } from '@/lib/auth/current-user';
import { db } from '@/lib/db/client';
import { errorResponse } from '@/lib/http/error-response';
import { findSiteForUser } from '@/lib/sites/access';
import { siteHasEvents } from '@/lib/sites/create-site';

export const dynamic = 'force-dynamic';

export async function GET(_request: Request, { params }: { params: Promise<{ siteId: string }> }) {
  const { siteId } = await params;
  const user = await currentUser();
  const headers = { 'Cache-Control': 'no-store' };
  if (!user) return Response.json({ error: 'sign in first' }, { status: 401, headers });
  // A member the team's two-factor policy blocks gets 403 with the reason (errorResponse).
  const site = await findSiteForUser(db(), user.id, siteId).catch(errorResponse);
  if (site instanceof Response) return site;
  if (!site) return Response.json({ error: 'site not found' }, { status: 404, headers });
  return Response.json({ receivedEvents: await siteHasEvents(db(), site.id) }, { headers });
}
