// GET: current visitors of a shared link's site (polled by the shared dashboard), if the link exists
// and this browser has entered its password.
import { cookies } from 'next/headers';

import { shareCookieName } from '@/lib/auth/cookies';
import { db } from '@/lib/db/client';
import { findSharedLink, isUnlocked } from '@/lib/sharing/shared-link-access';
import { realtimeSnapshot } from '@/lib/stats/realtime';

export const dynamic = 'force-dynamic';

export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const headers = { 'Cache-Control': 'no-store' };
  const link = await findSharedLink(db(), slug);
  if (!link) return Response.json({ error: 'Shared link not found.' }, { status: 404, headers });
  if (!isUnlocked(link, (await cookies()).get(shareCookieName())?.value)) {
    return Response.json({ error: 'Enter the link’s password first.' }, { status: 401, headers });
  }
  return Response.json(await realtimeSnapshot(db(), link.site.id), { headers });
}
