// POST /api/event: the tracker's endpoint. In production scripts/server.ts answers this path itself
// (Next.js's dynamic-route pipeline costs more per request than the whole ingest); this route serves
// the same handler wherever Next.js runs alone (`next dev`, `next start`).
import { readBodyText } from '@/lib/http/read-body';
import { handleEventRequest } from '@/lib/ingest/event-endpoint';

export const dynamic = 'force-dynamic';

async function handle(request: Request) {
  const result = await handleEventRequest(request.method, request.headers, (max) => readBodyText(request, max));
  return new Response(result.body || null, { status: result.status, headers: result.headers });
}

export { handle as POST, handle as OPTIONS };
