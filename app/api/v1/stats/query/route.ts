// POST/GET /api/v1/stats/query: statistics of one of the token's sites (lib/api/endpoints/stats.ts).
import { defaultApiDeps } from '@/lib/api/endpoint';
import { getStatsQuery, postStatsQuery } from '@/lib/api/endpoints/stats';

export const dynamic = 'force-dynamic';

export const POST = (request: Request) => postStatsQuery(request, defaultApiDeps());
export const GET = (request: Request) => getStatsQuery(request, defaultApiDeps());
