// GET/POST /api/v1/sites: the token's team's sites.
import { defaultApiDeps } from '@/lib/api/endpoint';
import { createSite, listSites } from '@/lib/api/endpoints/sites';

export const dynamic = 'force-dynamic';

export const GET = (request: Request) => listSites(request, defaultApiDeps());
export const POST = (request: Request) => createSite(request, defaultApiDeps());
