// What the retention job keeps, as cut-off instants: anything strictly older is deleted.
// The durations that belong to a plan come from lib/billing/plans.ts; the rest are defined here.
import { AUDIT_RETENTION_MONTHS, planFor } from '@/lib/billing/plans';

const DAY_MS = 86_400_000;

/** Expired or revoked sign-in sessions are kept a day, so "you were signed out" can still be explained. */
export const SESSION_GRACE_MS = DAY_MS;
/** Expired or revoked API tokens stay listed (as such) this long, so a failing client can be traced. */
export const API_TOKEN_GRACE_MS = 30 * DAY_MS;

/**
 * `months` calendar months before `at` (UTC), with the day clamped to the target month's length:
 * 24 months before 2028-02-29 is 2026-02-28, as PostgreSQL's `- interval '24 months'` would say.
 */
export function monthsBefore(at: Date, months: number): Date {
  const year = at.getUTCFullYear();
  const month = at.getUTCMonth() - months;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const result = new Date(at);
  result.setUTCFullYear(year, month, Math.min(at.getUTCDate(), lastDay));
  return result;
}

/** Events and visits before this instant are deleted for a team on `plan` (no subscription: the trial's). */
export function trafficCutoff(plan: string | null | undefined, now: Date): Date {
  return monthsBefore(now, planFor(plan).limits.retentionMonths);
}

export interface Cutoffs {
  sessions: Date;
  apiTokens: Date;
  auditLog: Date;
}

export function fixedCutoffs(now: Date): Cutoffs {
  return {
    sessions: new Date(now.getTime() - SESSION_GRACE_MS),
    apiTokens: new Date(now.getTime() - API_TOKEN_GRACE_MS),
    auditLog: monthsBefore(now, AUDIT_RETENTION_MONTHS),
  };
}
