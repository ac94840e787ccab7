// POST /api/v1/events: server-side tracking (events-api.ts).
import { MAX_BODY_BYTES } from '@/lib/ingest/hit-schema';

import { runEndpoint, type ApiDeps } from '../endpoint';
import { eventRequestSchema, recordServerEvent } from '../events-api';

/** The tracker's 4 KB plus room for the IP address and User-Agent. */
export const MAX_EVENT_BODY_BYTES = MAX_BODY_BYTES + 2_048;

export const postEvent = (request: Request, deps: ApiDeps) =>
  runEndpoint(
    request,
    deps,
    { scope: 'events:write', limit: 'events', body: eventRequestSchema, maxBodyBytes: MAX_EVENT_BODY_BYTES },
    async ({ db, context, body, now }) => ({ status: 202, body: await recordServerEvent(db, context, body, now) }),
  );
