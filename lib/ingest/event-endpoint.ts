// The /api/event endpoint, independent of any framework: the Next.js route handler and the custom
// server's fast path (scripts/server.ts) both call it, so the two can never behave differently.
import { config } from '@/lib/config';
import { BodyTooLargeError } from '@/lib/http/read-body';
import { BASE_SECURITY_HEADERS } from '@/lib/http/security-headers';
import { log } from '@/lib/log';

import { clientIp } from './client-ip';
import { MAX_BODY_BYTES, parseHit } from './hit-schema';
import { recordHit } from './record-hit';
import { ingestRuntime } from './runtime';

export const EVENT_PATH = '/api/event';

export interface EndpointResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

const CORS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'POST, OPTIONS',
  'Access-Control-Allow-Headers': 'Content-Type',
  'Access-Control-Max-Age': '86400',
  'Cache-Control': 'no-store',
  ...BASE_SECURITY_HEADERS,
};

/**
 * Each answer's headers are built once and shared (frozen): spreading CORS into a new object per
 * response cost more than the rest of a reply here (V8 in Node 20). The sets are few — a drop
 * reason, an Allow or a Retry-After of a few seconds — so the cache stays small.
 */
const headerSets = new Map<string, Readonly<Record<string, string>>>();
function headersWith(type: string | null, name?: string, value?: string): Record<string, string> {
  const key = `${type}\n${name}\n${value}`;
  let headers = headerSets.get(key);
  if (!headers) {
    headers = Object.freeze({
      ...CORS,
      ...(type ? { 'Content-Type': type } : {}),
      ...(name && value ? { [name]: value } : {}),
    });
    headerSets.set(key, headers);
  }
  return headers as Record<string, string>;
}

// The type a web Response gives a text body by itself, stated so that Node's server sends it too.
const reply = (status: number, body: string, name?: string, value?: string): EndpointResponse => ({
  status,
  headers: headersWith(body ? 'text/plain;charset=UTF-8' : null, name, value),
  body,
});
const problem = (status: number, error: string, name?: string, value?: string): EndpointResponse => ({
  status,
  headers: headersWith('application/json', name, value),
  body: JSON.stringify({ error }),
});

/** Just what the endpoint reads of the request headers (Headers fits, and so does a Node adapter). */
export interface HeaderReader {
  get(name: string): string | null;
}

export async function handleEventRequest(
  method: string,
  headers: HeaderReader,
  readBody: (maxBytes: number) => Promise<string>,
): Promise<EndpointResponse> {
  if (method === 'OPTIONS') return reply(204, '');
  if (method !== 'POST') return problem(405, 'use POST', 'Allow', 'POST, OPTIONS');

  let body: string;
  try {
    body = await readBody(MAX_BODY_BYTES);
  } catch (error) {
    if (error instanceof BodyTooLargeError) return problem(413, error.message);
    return problem(400, 'could not read the body');
  }
  const parsed = parseHit(body);
  if (!parsed.ok) return problem(400, parsed.reason);

  try {
    const outcome = await recordHit(ingestRuntime(), parsed.hit, {
      ip: clientIp(headers, config().TRUST_PROXY_HOPS),
      userAgent: headers.get('user-agent') ?? '',
      optOutSignal: headers.get('dnt') === '1' || headers.get('sec-gpc') === '1',
      now: new Date(),
    });
    if (outcome.status === 'accepted') return reply(202, 'ok');
    if (outcome.status === 'dropped') return reply(202, 'ok', 'X-Glance-Dropped', outcome.reason);
    const retry = outcome.retryAfterSeconds ? String(outcome.retryAfterSeconds) : undefined;
    return problem(outcome.httpStatus, outcome.message, 'Retry-After', retry);
  } catch (error) {
    // The database is unreachable or refused the batch: the hit was not stored, so say so.
    log.error({ err: error }, 'ingest failed');
    return problem(503, 'the event could not be stored, retry shortly', 'Retry-After', '5');
  }
}
