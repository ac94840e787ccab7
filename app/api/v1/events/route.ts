// POST /api/v1/events: server-side tracking through the tracker's ingest path.
import { defaultApiDeps } from '@/lib/api/endpoint';
import { postEvent } from '@/lib/api/endpoints/events';

export const dynamic = 'force-dynamic';

export const POST = (request: Request) => postEvent(request, defaultApiDeps());
