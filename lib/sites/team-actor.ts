// Who acts in a team once access was checked: a member (after requirePermission) or an API token
// (after its scope was checked). lib/sites functions that take one trust it and scope every query by teamId.
import type { Prisma } from '@/lib/db/generated/client';

export interface TeamActor {
  teamId: string;
  /** The member acting; null when an API token acts for the team. */
  userId: string | null;
  apiTokenId?: string;
}

/** The audit-log columns that say who acted (the token id goes into metadata: no person did it). */
export function auditedBy(actor: TeamActor, metadata?: Prisma.InputJsonObject) {
  return {
    teamId: actor.teamId,
    actorId: actor.userId,
    metadata: actor.apiTokenId ? { ...metadata, apiTokenId: actor.apiTokenId } : metadata,
  };
}
