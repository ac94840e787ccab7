// POST /api/event: the tracker's endpoint. Any origin may call it (and only this route).
// Answers 202 once the hit is committed (or was dropped by design), 4xx with a reason otherwise.
import { config } from '@/lib/config';
import { BodyTooLargeError, readBodyText } from '@/lib/http/read-body';
import { clientIp } from '@/lib/ingest/client-ip';
import { MAX_BODY_BYTES, parseHit } from '@/lib/ingest/hit-schema';
import { recordHit } from '@/lib/ingest/record-hit';
import { ingestRuntime } from '@/lib/ingest/runtime';
import { log } from '@/lib/log';

export const dynamic = 'force-dynamic';

const CORS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'POST, OPTIONS',
  'Access-Control-Allow-Headers': 'Content-Type',
  'Access-Control-Max-Age': '86400',
  'Cache-Control': 'no-store',
};

const problem = (status: number, error: string, headers: Record<string, string> = {}) =>
  Response.json({ error }, { status, headers: { ...CORS, ...headers } });

export function OPTIONS() {
  return new Response(null, { status: 204, headers: CORS });
}

export async function POST(request: Request) {
  let body: string;
  try {
    body = await readBodyText(request, MAX_BODY_BYTES);
  } catch (error) {
    if (error instanceof BodyTooLargeError) return problem(413, error.message);
    return problem(400, 'could not read the body');
  }
  const parsed = parseHit(body);
  if (!parsed.ok) return problem(400, parsed.reason);

  const headers = request.headers;
  try {
    const outcome = await recordHit(ingestRuntime(), parsed.hit, {
      ip: clientIp(headers, config().TRUST_PROXY_HOPS),
      userAgent: headers.get('user-agent') ?? '',
      optOutSignal: headers.get('dnt') === '1' || headers.get('sec-gpc') === '1',
      now: new Date(),
    });
    if (outcome.status === 'accepted') return new Response('ok', { status: 202, headers: CORS });
    if (outcome.status === 'dropped') {
      return new Response('ok', { status: 202, headers: { ...CORS, 'X-Glance-Dropped': outcome.reason } });
    }
    const retry = outcome.retryAfterSeconds ? { 'Retry-After': String(outcome.retryAfterSeconds) } : undefined;
    return problem(outcome.httpStatus, outcome.message, retry);
  } catch (error) {
    // The database is unreachable or refused the batch: the hit was not stored, so say so.
    log.error({ err: error }, 'ingest failed');
    return problem(503, 'the event could not be stored, retry shortly', { 'Retry-After': '5' });
  }
}
