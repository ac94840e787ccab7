// DELETE /api/v1/sites/{siteId}/shared-links/{linkId}: the link answers 404 from the next request on.
import { defaultApiDeps } from '@/lib/api/endpoint';
import { deleteSharedLink } from '@/lib/api/endpoints/sites';

export const dynamic = 'force-dynamic';

type Params = { params: Promise<{ siteId: string; linkId: string }> };

export const DELETE = async (request: Request, { params }: Params) => {
  const { siteId, linkId } = await params;
  return deleteSharedLink(request, defaultApiDeps(), siteId, linkId);
};
