// The client's IP (as ingest reads it: the connection, or trusted proxies only) and User-Agent,
// for rate-limit keys and a session's device class and country. Never stored or logged as such.
import { config } from '@/lib/config';
import { clientIp } from '@/lib/ingest/client-ip';

import type { RequestMeta } from './account-context';

type HeaderSource = { get(name: string): string | null } | Record<string, string | string[] | undefined>;

export function requestMeta(source: HeaderSource): RequestMeta {
  const headers =
    typeof source.get === 'function'
      ? (source as { get(name: string): string | null })
      : {
          get(name: string) {
            const value = (source as Record<string, string | string[] | undefined>)[name];
            return Array.isArray(value) ? value.join(', ') : (value ?? null);
          },
        };
  return { ip: clientIp(headers, config().TRUST_PROXY_HOPS), userAgent: headers.get('user-agent') };
}
