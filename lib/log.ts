// The structured logger. Redaction is configuration, not discipline: personal data and secrets are
// removed by path, and any IP address or bearer token inside a string is masked before output.
import pino, { type DestinationStream, type Logger } from 'pino';

import { config } from '@/lib/config';

const REDACTED = '[redacted]';

/** Keys whose values never reach the log, at the top level or one or two levels down. */
const SENSITIVE_KEYS = [
  'ip',
  'ipAddress',
  'remoteAddress',
  'userAgent',
  'user-agent',
  'ua',
  'authorization',
  'cookie',
  'set-cookie',
  'x-forwarded-for',
  'x-real-ip',
  'cf-connecting-ip',
  'password',
  'passwordHash',
  'token',
  'secret',
  'totpSecret',
];

function redactPaths(): string[] {
  const paths: string[] = [];
  for (const key of SENSITIVE_KEYS) {
    const segment = /^[A-Za-z_$][\w$]*$/.test(key) ? key : `["${key}"]`;
    const join = (prefix: string) => (segment.startsWith('[') ? `${prefix}${segment}` : `${prefix}.${segment}`);
    paths.push(segment.startsWith('[') ? segment : key, join('*'), join('*.*'));
  }
  return paths;
}

const IPV4 = /\b(?:(?:25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(?:25[0-5]|2[0-4]\d|1?\d?\d)\b/g;
// Full (eight groups) and compressed ("::") IPv6 forms; times like 12:30:45 are neither.
const IPV6 =
  /\b(?:[0-9a-f]{1,4}:){7}[0-9a-f]{1,4}\b|(?:\b[0-9a-f]{1,4}(?::[0-9a-f]{1,4})*)?::(?:[0-9a-f]{1,4}(?::[0-9a-f]{1,4})*\b)?/gi;
const BEARER = /\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/gi;
const GLANCE_TOKEN = /\bglc_[A-Za-z0-9_-]{8,}/g;

/** Masks IP addresses and credentials that slipped into free text (messages, error strings). */
export function scrubText(text: string): string {
  return text
    .replace(BEARER, `$1 ${REDACTED}`)
    .replace(GLANCE_TOKEN, REDACTED)
    .replace(IPV4, REDACTED)
    .replace(IPV6, REDACTED);
}

function scrubDeep(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return scrubText(value);
  // Errors are left to the `err` serializer, which scrubs their message and stack.
  if (depth > 6 || value === null || typeof value !== 'object' || value instanceof Error) return value;
  if (Array.isArray(value)) return value.map((item) => scrubDeep(item, depth + 1));
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, scrubDeep(item, depth + 1)]));
}

export function createLogger(options: { level?: string; destination?: DestinationStream } = {}): Logger {
  return pino(
    {
      level: options.level ?? 'info',
      base: undefined,
      redact: { paths: redactPaths(), censor: REDACTED },
      // User-Agent strings have no fixed shape, so they are removed by key (above) rather than by pattern.
      formatters: { log: (object) => scrubDeep(object) as Record<string, unknown> },
      hooks: {
        logMethod(args, method) {
          method.apply(
            this,
            args.map((arg) => (typeof arg === 'string' ? scrubText(arg) : arg)) as Parameters<typeof method>,
          );
        },
      },
      serializers: {
        err: (error: unknown) => scrubDeep(pino.stdSerializers.err(error as Error)),
      },
    },
    options.destination,
  );
}

/** The application's logger. */
// Through process.stdout (not a raw file descriptor), so that tests can capture and search the output.
export const log = createLogger({ level: config().LOG_LEVEL, destination: process.stdout });
