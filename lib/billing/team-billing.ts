// Reads a team's billing facts and usage from Glance's own tables (page loads never call Stripe).
import type { Database } from '@/lib/db/client';
import type { Prisma } from '@/lib/db/generated/client';

import { ownersNeedTwoFactor, type TeamBillingFacts } from './billing-state';

const SUBSCRIPTION_FACTS = {
  stripeSubscriptionId: true,
  stripeCustomerId: true,
  status: true,
  plan: true,
  interval: true,
  trialEndsAt: true,
  currentPeriodStart: true,
  currentPeriodEnd: true,
  cancelAtPeriodEnd: true,
  quotaPeriodStart: true,
  quotaPageviews: true,
  quotaCountedTo: true,
  quotaNoticeLevel: true,
  overQuotaPeriods: true,
  recordingPausedAt: true,
  recordingPauseReason: true,
  trialReminderSentAt: true,
  lastEventAt: true,
} as const satisfies Prisma.SubscriptionSelect;

export type SubscriptionRow = Prisma.SubscriptionGetPayload<{ select: typeof SUBSCRIPTION_FACTS }>;

export interface TeamBilling extends TeamBillingFacts {
  teamId: string;
  teamName: string;
  subscription: SubscriptionRow | null;
}

type Reader = Pick<Database, 'team'> | Prisma.TransactionClient;

/** The team's billing facts, or null if there is no such team. Callers check permissions first. */
export async function loadTeamBilling(db: Reader, teamId: string): Promise<TeamBilling | null> {
  const team = await db.team.findUnique({
    where: { id: teamId },
    select: { id: true, name: true, createdAt: true, subscription: { select: SUBSCRIPTION_FACTS } },
  });
  if (!team) return null;
  return { teamId: team.id, teamName: team.name, teamCreatedAt: team.createdAt, subscription: team.subscription };
}

/**
 * Pageviews recorded for the team's sites in [from, to): custom events do not count towards the quota.
 * Uses the (siteId, name, timestamp) index; bench figures are in the README's billing section.
 */
export async function countPageviews(
  db: Pick<Database, 'site' | 'event'>,
  teamId: string,
  from: Date,
  to: Date,
): Promise<number> {
  const sites = await db.site.findMany({ where: { teamId }, select: { id: true } });
  if (sites.length === 0) return 0;
  return db.event.count({
    where: { siteId: { in: sites.map((site) => site.id) }, name: 'pageview', timestamp: { gte: from, lt: to } },
  });
}

/** Email addresses of the team's owners, who receive billing and quota notices. */
export async function ownerEmails(db: Pick<Database, 'membership'>, teamId: string): Promise<string[]> {
  const owners = await db.membership.findMany({
    where: { teamId, role: 'OWNER' },
    select: { user: { select: { email: true } } },
  });
  return owners.map((owner) => owner.user.email);
}

/** For the teams code: must this team's owners use two-factor authentication (ownersNeedTwoFactor)? */
export async function teamOwnersNeedTwoFactor(db: Pick<Database, 'subscription'>, teamId: string): Promise<boolean> {
  const subscription = await db.subscription.findUnique({ where: { teamId }, select: { plan: true, status: true } });
  return ownersNeedTwoFactor(subscription);
}
