// Words for the audit-log viewer: one readable label per recorded action (the union in record-audit.ts).
import type { AuditAction } from './record-audit';

export const AUDIT_LABELS: Record<AuditAction, string> = {
  'site.create': 'Site added',
  'site.delete': 'Site deleted',
  'goal.create': 'Goal added',
  'goal.delete': 'Goal deleted',
  'stats.export': 'Statistics exported',
  'user.sign_up': 'Account created',
  'user.email_verified': 'Email address confirmed',
  'user.sign_in': 'Signed in',
  'user.sign_in_failed': 'Failed sign-in',
  'user.password_reset_requested': 'Password reset requested',
  'user.password_reset': 'Password reset',
  'user.password_changed': 'Password changed',
  'user.email_change_requested': 'Email change requested',
  'user.email_changed': 'Email address changed',
  'user.totp_enabled': 'Two-factor authentication turned on',
  'user.totp_disabled': 'Two-factor authentication turned off',
  'user.recovery_codes_regenerated': 'Recovery codes regenerated',
  'user.recovery_code_used': 'Recovery code used',
  'user.passkey_added': 'Passkey added',
  'user.passkey_renamed': 'Passkey renamed',
  'user.passkey_removed': 'Passkey removed',
  'session.revoked': 'Session revoked',
  'user.delete': 'Account deleted',
  'team.create': 'Team created',
  'team.delete': 'Team deleted',
  'team.policy_changed': 'Security policy changed',
  'team.ownership_transferred': 'Ownership transferred',
  'member.role_changed': 'Role changed',
  'member.removed': 'Member removed',
  'member.left': 'Member left',
  'invitation.sent': 'Invitation sent',
  'invitation.resent': 'Invitation sent again',
  'invitation.revoked': 'Invitation revoked',
  'invitation.accepted': 'Invitation accepted',
  'site.update': 'Site changed',
  'site.excluded_ips_changed': 'Excluded IP addresses changed',
  'site.settings_update': 'Data collection settings changed',
  'funnel.create': 'Funnel added',
  'funnel.delete': 'Funnel deleted',
  'shared_link.create': 'Shared link created',
  'shared_link.revoke': 'Shared link revoked',
  'billing.checkout_started': 'Checkout started',
  'billing.portal_opened': 'Billing portal opened',
  'billing.plan_changed': 'Plan changed',
  'billing.status_changed': 'Subscription status changed',
  'billing.cancellation_scheduled': 'Cancellation scheduled',
  'billing.cancellation_withdrawn': 'Cancellation withdrawn',
  'billing.subscription_canceled': 'Subscription canceled',
  'billing.recording_paused': 'Recording paused (plan)',
  'billing.recording_resumed': 'Recording resumed',
  'api_token.create': 'API token created',
  'api_token.revoke': 'API token revoked',
};

export const AUDIT_ACTIONS = Object.keys(AUDIT_LABELS) as AuditAction[];

export function isAuditAction(value: string): value is AuditAction {
  return Object.hasOwn(AUDIT_LABELS, value);
}

/** The label of a stored action; an action retired since is shown as stored. */
export function auditLabel(action: string): string {
  return isAuditAction(action) ? AUDIT_LABELS[action] : action;
}
