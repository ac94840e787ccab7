// Turns `Authorization: Bearer glc_…` into the token's team and scopes, or throws Unauthorized.
// Every request reads the row (no cache), so a revoked or expired token fails on its very next use.
import { PLANS, type PlanId } from '@/lib/billing/plans';
import type { Database } from '@/lib/db/client';
import { Forbidden, Unauthorized } from '@/lib/errors';

import { isApiScope, type ApiScope } from './scopes';
import { hashToken, looksLikeToken } from './token-secret';

export interface ApiContext {
  tokenId: string;
  teamId: string;
  scopes: ApiScope[];
}

interface TokenRow {
  id: string;
  teamId: string;
  scopes: string[];
  expiresAt: Date | null;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
  plan: string | null;
}

/** lastUsedAt is written at most once per this interval per token, not on every request. */
export const LAST_USED_RESOLUTION_MS = 60_000;

const BEARER = /^Bearer\s+(\S+)\s*$/i;

export async function authenticateToken(
  db: Database,
  authorization: string | null,
  now = new Date(),
): Promise<ApiContext> {
  const token = authorization ? BEARER.exec(authorization)?.[1] : undefined;
  if (!token) throw new Unauthorized('Send an API token: Authorization: Bearer glc_…');
  if (!looksLikeToken(token)) throw new Unauthorized('The API token is not valid.');
  // Every API request runs this: one round trip (the token and its team's plan), not one per relation.
  const [row] = await db.$queryRaw<TokenRow[]>`
    SELECT t.id, t."teamId", t.scopes, t."expiresAt", t."revokedAt", t."lastUsedAt", s.plan
    FROM "ApiToken" t LEFT JOIN "Subscription" s ON s."teamId" = t."teamId"
    WHERE t."tokenHash" = ${hashToken(token)}`;
  // One message for unknown, revoked and expired tokens: the answer reveals nothing about a guess.
  if (!row || row.revokedAt || (row.expiresAt && row.expiresAt <= now)) {
    throw new Unauthorized('The API token is not valid, has expired or was revoked.');
  }
  // A team without a subscription row is on the trial (lib/billing/plans.ts).
  const plan = PLANS[(row.plan ?? 'trial') as PlanId];
  if (!plan?.features.statsApi) throw new PlanLacksApi();
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() >= LAST_USED_RESOLUTION_MS) {
    // Conditional, so that concurrent requests write once; a failure here must not fail the request.
    await db.apiToken
      .updateMany({
        where: {
          id: row.id,
          OR: [{ lastUsedAt: null }, { lastUsedAt: { lte: new Date(now.getTime() - LAST_USED_RESOLUTION_MS) } }],
        },
        data: { lastUsedAt: now },
      })
      .catch(() => {});
  }
  return { tokenId: row.id, teamId: row.teamId, scopes: row.scopes.filter(isApiScope) };
}

export class MissingScope extends Forbidden {
  constructor(readonly scope: ApiScope) {
    super(`This token lacks the ${scope} scope.`);
  }
}

export class PlanLacksApi extends Forbidden {
  constructor() {
    super('The team’s plan does not include the API. Upgrade the plan to use it.');
  }
}

export function requireScope(context: ApiContext, scope: ApiScope): void {
  if (!context.scopes.includes(scope)) throw new MissingScope(scope);
}
