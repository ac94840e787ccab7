// GET/POST /api/v1/sites/{siteId}/shared-links.
import { defaultApiDeps } from '@/lib/api/endpoint';
import { createSharedLink, listSharedLinks } from '@/lib/api/endpoints/sites';

export const dynamic = 'force-dynamic';

type Params = { params: Promise<{ siteId: string }> };

export const GET = async (request: Request, { params }: Params) =>
  listSharedLinks(request, defaultApiDeps(), (await params).siteId);
export const POST = async (request: Request, { params }: Params) =>
  createSharedLink(request, defaultApiDeps(), (await params).siteId);
