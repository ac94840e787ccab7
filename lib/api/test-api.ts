// For tests of the public API: a team with an owner, a member and a site, tokens with chosen scopes,
// and requests to the endpoint functions as a client would send them.
import type { Database } from '@/lib/db/client';

import type { ApiDeps } from './endpoint';
import { createApiToken } from './manage-tokens';
import { createApiLimiters } from './rate-limit';
import type { ApiScope } from './scopes';

export async function createApiTeam(db: Database, name: string) {
  const owner = await db.user.create({ data: { email: `owner-${name}@example.com`, name: `Owner ${name}` } });
  const member = await db.user.create({ data: { email: `member-${name}@example.com` } });
  const team = await db.team.create({
    data: {
      name,
      memberships: {
        create: [
          { userId: owner.id, role: 'OWNER' },
          { userId: member.id, role: 'MEMBER' },
        ],
      },
    },
  });
  const site = await db.site.create({ data: { teamId: team.id, domain: `${name.toLowerCase()}.example.com` } });
  const issue = async (scopes: ApiScope[], extra: { expiresInDays?: number } = {}) =>
    (await createApiToken(db, { userId: owner.id }, team.id, { name: `t-${scopes.join('+')}`, scopes, ...extra }))
      .token;
  return { owner, member, team, site, issue };
}

export function testDeps(db: Database, now?: () => Date): ApiDeps {
  return { db, limiters: createApiLimiters(), now };
}

export function apiRequest(
  path: string,
  token: string | null,
  init: { method?: string; body?: unknown; headers?: Record<string, string> } = {},
): Request {
  const headers: Record<string, string> = { 'content-type': 'application/json', ...init.headers };
  if (token) headers.authorization = `Bearer ${token}`;
  return new Request(`http://glance.test${path}`, {
    method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
    headers,
    body: init.body === undefined ? undefined : typeof init.body === 'string' ? init.body : JSON.stringify(init.body),
  });
}

export async function errorCode(response: Response): Promise<string> {
  const json = (await response.json()) as { error?: { code?: string } };
  return json.error?.code ?? `no error code (status ${response.status})`;
}
