// POST /api/event and its preflight, answered on Node's own http server ahead of Next.js
// (scripts/server.ts): Next.js's dynamic-route pipeline costs more per request than the whole ingest.
// It calls the route handler's handleEventRequest, so the two answer alike (serve-event.db.test.ts).
import type { IncomingMessage, ServerResponse } from 'node:http';

import { readRequestBody } from '@/lib/http/read-body';

import { handleEventRequest, type HeaderReader } from './event-endpoint';

/** Expects the connection's address in PEER_ADDRESS_HEADER, as scripts/server.ts sets it on every request. */
export async function serveEvent(request: IncomingMessage, response: ServerResponse): Promise<void> {
  const headers: HeaderReader = {
    get(name: string) {
      const value = request.headers[name];
      return Array.isArray(value) ? value.join(', ') : (value ?? null);
    },
  };
  const result = await handleEventRequest(request.method ?? 'GET', headers, (max) => readRequestBody(request, max));
  response.writeHead(result.status, result.headers).end(result.body);
  // A body refused for its size was not read to the end: do not keep the connection.
  if (result.status === 413) request.socket.destroySoon();
}
