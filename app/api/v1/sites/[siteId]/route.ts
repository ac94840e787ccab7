// GET/PATCH/DELETE /api/v1/sites/{siteId}.
import { defaultApiDeps } from '@/lib/api/endpoint';
import { deleteSite, getSite, updateSite } from '@/lib/api/endpoints/sites';

export const dynamic = 'force-dynamic';

type Params = { params: Promise<{ siteId: string }> };

export const GET = async (request: Request, { params }: Params) =>
  getSite(request, defaultApiDeps(), (await params).siteId);
export const PATCH = async (request: Request, { params }: Params) =>
  updateSite(request, defaultApiDeps(), (await params).siteId);
export const DELETE = async (request: Request, { params }: Params) =>
  deleteSite(request, defaultApiDeps(), (await params).siteId);
