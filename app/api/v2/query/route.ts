// POST /api/v2/query: Plausible's Stats API v2 query shape (lib/api/plausible-v2.ts).
import { defaultApiDeps } from '@/lib/api/endpoint';
import { postV2Query } from '@/lib/api/endpoints/stats';

export const dynamic = 'force-dynamic';

export const POST = (request: Request) => postV2Query(request, defaultApiDeps());
