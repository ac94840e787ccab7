// The public API's one error shape: `{ "error": { "code", "message", "fieldErrors"? } }`, with a stable,
// machine-readable code next to the human message. Messages are the safe ones of lib/errors.ts;
// anything unexpected is logged (by name only) and answered 500 without details.
import { z } from 'zod';

import { AppError, Invalid, RateLimited } from '@/lib/errors';
import { BodyTooLargeError } from '@/lib/http/read-body';
import { log } from '@/lib/log';

import { MissingScope, PlanLacksApi } from './authenticate-token';
import { ApiRateLimited } from './rate-limit';

export const API_ERROR_CODES = [
  'invalid_request',
  'unauthorized',
  'forbidden',
  'insufficient_scope',
  'plan_required',
  'not_found',
  'method_not_allowed',
  'conflict',
  'body_too_large',
  'rate_limited',
  'unavailable',
  'internal_error',
] as const;
export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

export const apiErrorSchema = z.object({
  error: z.object({
    code: z.enum(API_ERROR_CODES),
    message: z.string(),
    fieldErrors: z.record(z.string(), z.string()).optional().describe('Per-field messages, keyed by the field’s path.'),
  }),
});

/** The event could not be queued or stored (ingest busy or the database away): retry shortly. */
export class ApiUnavailable extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super('unavailable');
    this.name = 'ApiUnavailable';
  }
}

export const NO_STORE = { 'Cache-Control': 'no-store' } as const;

export function apiError(
  status: number,
  code: ApiErrorCode,
  message: string,
  extra: { fieldErrors?: Record<string, string>; headers?: Record<string, string> } = {},
): Response {
  const fieldErrors = extra.fieldErrors && Object.keys(extra.fieldErrors).length ? extra.fieldErrors : undefined;
  return Response.json(
    { error: { code, message, fieldErrors } },
    { status, headers: { ...NO_STORE, ...extra.headers } },
  );
}

const CODE_BY_STATUS: Record<AppError['status'], ApiErrorCode> = {
  400: 'invalid_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  429: 'rate_limited',
};

export function apiErrorResponse(error: unknown, headers: Record<string, string> = {}): Response {
  if (error instanceof AppError) {
    const extraHeaders: Record<string, string> = { ...headers };
    if (error instanceof RateLimited) extraHeaders['Retry-After'] = String(error.retryAfterSeconds);
    if (error instanceof ApiRateLimited) Object.assign(extraHeaders, error.headers);
    const code =
      error instanceof MissingScope
        ? 'insufficient_scope'
        : error instanceof PlanLacksApi
          ? 'plan_required'
          : CODE_BY_STATUS[error.status];
    if (error.status === 401) extraHeaders['WWW-Authenticate'] = 'Bearer realm="glance"';
    return apiError(error.status, code, error.message, {
      fieldErrors: error instanceof Invalid ? error.fieldErrors : undefined,
      headers: extraHeaders,
    });
  }
  if (error instanceof ApiUnavailable) {
    return apiError(503, 'unavailable', 'The service is busy; retry shortly.', {
      headers: { ...headers, 'Retry-After': String(error.retryAfterSeconds) },
    });
  }
  if (error instanceof BodyTooLargeError) {
    return apiError(413, 'body_too_large', `The request body is larger than ${error.maxBytes} bytes.`, { headers });
  }
  log.error({ err: error instanceof Error ? error.name : 'unknown' }, 'unexpected error in the public API');
  return apiError(500, 'internal_error', 'Something went wrong. Please try again.', { headers });
}

/** zod issues as `Invalid`, one message per field path. */
export function invalidFrom(error: z.ZodError, summary = 'The request is not valid'): Invalid {
  const fieldErrors: Record<string, string> = {};
  for (const issue of error.issues) fieldErrors[issue.path.join('.') || '(body)'] ??= issue.message;
  return new Invalid(`${summary}: ${error.issues.map((issue) => issue.message).join(' ')}`, fieldErrors);
}
