// GET: the current dashboard view as a ZIP of CSV files, or one breakdown as CSV (?dimension=page).
import { currentUser } from '@/lib/auth/current-user';
import { db } from '@/lib/db/client';
import { errorResponse } from '@/lib/http/error-response';
import { findSiteForUser } from '@/lib/sites/access';
import { parseDashboardView } from '@/lib/stats/dashboard-view';
import { exportBreakdownCsv, exportViewZip } from '@/lib/stats/export';
import { dimensionSchema } from '@/lib/stats/query/schema';

export const dynamic = 'force-dynamic';

export async function GET(request: Request, { params }: { params: Promise<{ siteId: string }> }) {
  const { siteId } = await params;
  const noStore = { 'Cache-Control': 'no-store' };
  const user = await currentUser();
  if (!user) return Response.json({ error: 'Sign in first.' }, { status: 401, headers: noStore });
  // A member the team's two-factor policy blocks gets 403 with the reason (errorResponse).
  const site = await findSiteForUser(db(), user.id, siteId).catch(errorResponse);
  if (site instanceof Response) return site;
  if (!site) return Response.json({ error: 'Site not found.' }, { status: 404, headers: noStore });

  const url = new URL(request.url);
  const search: Record<string, string[]> = {};
  for (const [key, value] of url.searchParams) (search[key] ??= []).push(value);
  const view = parseDashboardView(search);
  const stamp = new Date().toISOString().slice(0, 10);
  const name = site.domain.replace(/[^\w.-]/g, '_');

  const dimension = url.searchParams.get('dimension');
  if (dimension !== null) {
    const parsed = dimensionSchema.safeParse(dimension);
    if (!parsed.success) return Response.json({ error: 'Unknown dimension.' }, { status: 400, headers: noStore });
    const csv = await exportBreakdownCsv(db(), { userId: user.id, teamId: site.teamId }, site, view, parsed.data);
    return new Response(csv, {
      headers: {
        ...noStore,
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="${name}-${parsed.data.replace(':', '-')}-${stamp}.csv"`,
      },
    });
  }
  const zip = await exportViewZip(db(), { userId: user.id, teamId: site.teamId }, site, view);
  return new Response(zip as Uint8Array<ArrayBuffer>, {
    headers: {
      ...noStore,
      'Content-Type': 'application/zip',
      'Content-Disposition': `attachment; filename="${name}-${stamp}.zip"`,
    },
  });
}
