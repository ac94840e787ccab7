// The frame of every public API endpoint: authenticate the bearer token, count it against the
// token's rate limit, check the scope, read a size-capped JSON body and validate it with zod, run
// one lib/ function, and answer JSON (or the one error shape). Route files stay one line long.
import type { z } from 'zod';

import { db as defaultDb, type Database } from '@/lib/db/client';
import { Invalid } from '@/lib/errors';
import { readBodyText } from '@/lib/http/read-body';

import { apiErrorResponse, invalidFrom, NO_STORE } from './api-response';
import { authenticateToken, requireScope, type ApiContext } from './authenticate-token';
import { apiLimiters, consumeApiLimit, type ApiLimiters, type ApiLimitName } from './rate-limit';
import type { ApiScope } from './scopes';

/** What endpoints need from the process; tests pass their own database and limiters. */
export interface ApiDeps {
  db: Database;
  limiters: ApiLimiters;
  now?: () => Date;
}

export const defaultApiDeps = (): ApiDeps => ({ db: defaultDb(), limiters: apiLimiters() });

/** Request bodies of the API are small JSON documents. */
export const MAX_API_BODY_BYTES = 16 * 1024;

export interface ApiCall<Body> {
  context: ApiContext;
  body: Body;
  url: URL;
  now: Date;
  db: Database;
  request: Request;
}

export interface EndpointSpec<Schema extends z.ZodType | undefined> {
  scope: ApiScope;
  limit?: ApiLimitName;
  /** Validates the JSON body; without it the body is ignored. */
  body?: Schema;
  maxBodyBytes?: number;
}

type BodyOf<Schema> = Schema extends z.ZodType ? z.output<Schema> : undefined;

/** `{ status, body }` to answer; `body: null` answers without content. */
export interface ApiResult {
  status?: number;
  body: unknown;
}

export async function runEndpoint<Schema extends z.ZodType | undefined>(
  request: Request,
  deps: ApiDeps,
  spec: EndpointSpec<Schema>,
  handler: (call: ApiCall<BodyOf<Schema>>) => Promise<ApiResult>,
): Promise<Response> {
  let limitHeaders: Record<string, string> = {};
  try {
    const now = deps.now?.() ?? new Date();
    const context = await authenticateToken(deps.db, request.headers.get('authorization'), now);
    limitHeaders = await consumeApiLimit(deps.limiters[spec.limit ?? 'requests'], context.tokenId);
    requireScope(context, spec.scope);
    const body = spec.body ? parseBody(spec.body, await readJsonBody(request, spec.maxBodyBytes)) : undefined;
    const result = await handler({
      context,
      body: body as BodyOf<Schema>,
      url: new URL(request.url),
      now,
      db: deps.db,
      request,
    });
    const headers = { ...NO_STORE, ...limitHeaders };
    if (result.body === null) return new Response(null, { status: result.status ?? 204, headers });
    return Response.json(result.body, { status: result.status ?? 200, headers });
  } catch (error) {
    return apiErrorResponse(error, limitHeaders);
  }
}

/** The body as JSON, refused past `maxBytes` (413) or when it is not JSON (400). */
export async function readJsonBody(request: Request, maxBytes = MAX_API_BODY_BYTES): Promise<unknown> {
  const text = await readBodyText(request, maxBytes);
  if (!text.trim()) throw new Invalid('The request needs a JSON body.');
  try {
    return JSON.parse(text);
  } catch {
    throw new Invalid('The request body is not valid JSON.');
  }
}

function parseBody<Schema extends z.ZodType>(schema: Schema, json: unknown): z.output<Schema> {
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw invalidFrom(parsed.error);
  return parsed.data;
}
