// Rate-limit keys: an HMAC of the IP address or email, never the value itself, so the limiter's
// memory (or a shared store) holds nothing that identifies a person.
import { createHmac } from 'node:crypto';

import { config } from '@/lib/config';

export function subjectKey(kind: 'ip' | 'email' | 'challenge', value: string | null, secret = config().AUTH_SECRET) {
  const mac = createHmac('sha256', secret).update(`glance-ratelimit:${kind}:${value ?? 'unknown'}`);
  return `${kind}:${mac.digest('base64url').slice(0, 22)}`;
}
