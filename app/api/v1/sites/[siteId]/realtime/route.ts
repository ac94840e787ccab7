// GET /api/v1/sites/{siteId}/realtime: visitors in the last five minutes.
import { defaultApiDeps } from '@/lib/api/endpoint';
import { getRealtime } from '@/lib/api/endpoints/stats';

export const dynamic = 'force-dynamic';

export const GET = async (request: Request, { params }: { params: Promise<{ siteId: string }> }) =>
  getRealtime(request, defaultApiDeps(), (await params).siteId);
