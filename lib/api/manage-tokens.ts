// Issuing, listing and revoking a team's API tokens (owners and admins: 'tokens:manage').
// Issuance and revocation are audit-logged; the token is returned once, by createApiToken, and never again.
import { z } from 'zod';

import { recordAudit } from '@/lib/audit/record-audit';
import type { Database } from '@/lib/db/client';
import { Conflict, Invalid, NotFound } from '@/lib/errors';
import { requirePermission } from '@/lib/teams/permissions';

import { API_SCOPES } from './scopes';
import { generateToken } from './token-secret';

/** Live tokens a team may hold at once (revoked ones do not count). */
export const MAX_TOKENS_PER_TEAM = 50;
export const EXPIRY_DAYS = [7, 30, 90, 365] as const;

export const tokenInputSchema = z.object({
  name: z.string().trim().min(1, 'Give the token a name.').max(80, 'At most 80 characters.'),
  scopes: z
    .array(z.enum(API_SCOPES))
    .min(1, 'Choose at least one scope.')
    .transform((scopes) => API_SCOPES.filter((scope) => scopes.includes(scope))),
  /** Days until the token stops working; omitted or null: it does not expire. */
  expiresInDays: z.literal(EXPIRY_DAYS, { error: 'Choose one of the offered expiry periods.' }).nullish(),
});
export type TokenInput = z.input<typeof tokenInputSchema>;

export interface IssuedToken {
  id: string;
  name: string;
  /** The secret: shown to the user once, never stored. */
  token: string;
}

export async function createApiToken(
  db: Database,
  actor: { userId: string },
  teamId: string,
  input: unknown,
  now = new Date(),
): Promise<IssuedToken> {
  await requirePermission(db, actor.userId, teamId, 'tokens:manage');
  const parsed = tokenInputSchema.safeParse(input);
  if (!parsed.success) {
    const fieldErrors = Object.fromEntries(parsed.error.issues.map((issue) => [String(issue.path[0]), issue.message]));
    throw new Invalid('Please correct the highlighted fields', fieldErrors);
  }
  const { name, scopes, expiresInDays } = parsed.data;
  const live = await db.apiToken.count({ where: { teamId, revokedAt: null } });
  if (live >= MAX_TOKENS_PER_TEAM)
    throw new Conflict(`A team can hold ${MAX_TOKENS_PER_TEAM} tokens; revoke one first.`);
  const expiresAt = expiresInDays ? new Date(now.getTime() + expiresInDays * 86_400_000) : null;
  const { token, hash, prefix } = generateToken();
  const created = await db.$transaction(async (tx) => {
    const row = await tx.apiToken.create({
      data: { teamId, createdById: actor.userId, name, tokenHash: hash, prefix, scopes, expiresAt },
      select: { id: true, name: true },
    });
    await recordAudit(tx, {
      teamId,
      actorId: actor.userId,
      action: 'api_token.create',
      targetType: 'api_token',
      targetId: row.id,
      metadata: { name, scopes, expiresAt: expiresAt?.toISOString() ?? null },
    });
    return row;
  });
  return { ...created, token };
}

/** The team's tokens that are not revoked, newest first, without anything secret. */
export async function listApiTokens(db: Database, actor: { userId: string }, teamId: string) {
  await requirePermission(db, actor.userId, teamId, 'tokens:manage');
  return db.apiToken.findMany({
    where: { teamId, revokedAt: null },
    select: {
      id: true,
      name: true,
      prefix: true,
      scopes: true,
      expiresAt: true,
      lastUsedAt: true,
      createdAt: true,
      createdBy: { select: { name: true, email: true } },
    },
    orderBy: { createdAt: 'desc' },
  });
}
export type ListedApiToken = Awaited<ReturnType<typeof listApiTokens>>[number];

/** Revokes at once: the next request with the token is answered 401 (nothing caches tokens). */
export async function revokeApiToken(
  db: Database,
  actor: { userId: string },
  teamId: string,
  tokenId: string,
  now = new Date(),
): Promise<void> {
  await requirePermission(db, actor.userId, teamId, 'tokens:manage');
  await db.$transaction(async (tx) => {
    const { count } = await tx.apiToken.updateMany({
      where: { id: tokenId, teamId, revokedAt: null },
      data: { revokedAt: now },
    });
    if (count === 0) throw new NotFound('Token not found');
    await recordAudit(tx, {
      teamId,
      actorId: actor.userId,
      action: 'api_token.revoke',
      targetType: 'api_token',
      targetId: tokenId,
    });
  });
}
