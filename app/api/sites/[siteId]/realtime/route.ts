// GET: the site's current visitors and newest event time (polled by the dashboard every ten seconds).
import { currentUser } from '@/lib/auth/current-user';
import { db } from '@/lib/db/client';
import { errorResponse } from '@/lib/http/error-response';
import { findSiteForUser } from '@/lib/sites/access';
import { realtimeSnapshot } from '@/lib/stats/realtime';

export const dynamic = 'force-dynamic';

export async function GET(_request: Request, { params }: { params: Promise<{ siteId: string }> }) {
  const { siteId } = await params;
  const headers = { 'Cache-Control': 'no-store' };
  const user = await currentUser();
  if (!user) return Response.json({ error: 'Sign in first.' }, { status: 401, headers });
  // A member the team's two-factor policy blocks gets 403 with the reason (errorResponse).
  const site = await findSiteForUser(db(), user.id, siteId).catch(errorResponse);
  if (site instanceof Response) return site;
  if (!site) return Response.json({ error: 'Site not found.' }, { status: 404, headers });
  return Response.json(await realtimeSnapshot(db(), site.id), { headers });
}
