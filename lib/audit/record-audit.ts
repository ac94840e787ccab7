// Writes one audit-log row. Every sensitive action calls this, inside its own transaction when it
// has one, so the row exists exactly when the action happened. Metadata must hold no secrets and
// no personal data beyond ids (no IPs, User-Agents, passwords, codes or tokens).
import type { Database } from '@/lib/db/client';
import type { Prisma } from '@/lib/db/generated/client';

/** The actions Glance records; one vocabulary so the log can be filtered reliably. */
export type AuditAction =
  | 'site.create'
  | 'site.update'
  | 'site.delete'
  | 'site.excluded_ips_changed'
  | 'site.settings_update'
  | 'goal.create'
  | 'goal.delete'
  | 'funnel.create'
  | 'funnel.delete'
  | 'shared_link.create'
  | 'shared_link.revoke'
  | 'stats.export'
  | 'user.sign_up'
  | 'user.email_verified'
  | 'user.sign_in'
  | 'user.sign_in_failed'
  | 'user.password_reset_requested'
  | 'user.password_reset'
  | 'user.password_changed'
  | 'user.email_change_requested'
  | 'user.email_changed'
  | 'user.totp_enabled'
  | 'user.totp_disabled'
  | 'user.recovery_codes_regenerated'
  | 'user.recovery_code_used'
  | 'user.passkey_added'
  | 'user.passkey_renamed'
  | 'user.passkey_removed'
  | 'session.revoked'
  | 'billing.checkout_started'
  | 'billing.portal_opened'
  | 'billing.plan_changed'
  | 'billing.status_changed'
  | 'billing.cancellation_scheduled'
  | 'billing.cancellation_withdrawn'
  | 'billing.subscription_canceled'
  | 'billing.recording_paused'
  | 'billing.recording_resumed'
  | 'api_token.create'
  | 'api_token.revoke'
  | 'user.delete'
  | 'team.create'
  | 'team.delete'
  | 'team.policy_changed'
  | 'team.ownership_transferred'
  | 'member.role_changed'
  | 'member.removed'
  | 'member.left'
  | 'invitation.sent'
  | 'invitation.resent'
  | 'invitation.revoked'
  | 'invitation.accepted';

export interface AuditEntry {
  action: AuditAction;
  actorId?: string | null;
  teamId?: string | null;
  targetType?: string;
  targetId?: string;
  metadata?: Prisma.InputJsonObject;
}

type Writer = Pick<Database, 'auditLog'> | Prisma.TransactionClient;

export async function recordAudit(db: Writer, entry: AuditEntry): Promise<void> {
  await db.auditLog.create({
    data: {
      action: entry.action,
      actorId: entry.actorId ?? null,
      teamId: entry.teamId ?? null,
      targetType: entry.targetType ?? null,
      targetId: entry.targetId ?? null,
      metadata: entry.metadata,
    },
  });
}
