// The billing banners of the signed-in app: one per team of the user that needs attention (trial
// ending or ended, payment failed, unpaid or canceled, quota notices, recording paused). Read from
// Glance's own tables; owners get a link to the billing page, others are told to ask an owner.
import type { Database } from '@/lib/db/client';
import type { Role } from '@/lib/db/generated/enums';

import { billingState, TRIAL_REMINDER_DAYS, type TeamBillingFacts } from './billing-state';

export interface BillingNotice {
  teamId: string;
  tone: 'info' | 'warning' | 'danger';
  message: string;
  /** Owners only: the billing page. */
  href: string | null;
}

const day = (date: Date) =>
  date.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

export function noticeFor(
  team: TeamBillingFacts & { teamId: string; teamName: string; quotaPeriodStart: Date | null },
  role: Role,
  now: Date,
): BillingNotice | null {
  const state = billingState(team, now);
  const sub = team.subscription;
  const href = role === 'OWNER' ? `/teams/${team.teamId}/billing` : null;
  const notice = (tone: BillingNotice['tone'], message: string): BillingNotice => ({
    teamId: team.teamId,
    tone,
    message: href ? message : `${message} Ask an owner of ${team.teamName} to fix it.`,
    href,
  });
  const stopped = 'Its sites no longer record pageviews; dashboards and recorded data stay available.';
  switch (state.standing) {
    case 'trial_ended':
      return notice('danger', `The free trial of ${team.teamName} has ended. ${stopped}`);
    case 'unpaid':
      return notice('danger', `The subscription of ${team.teamName} is unpaid. ${stopped}`);
    case 'canceled':
      return notice('danger', `The subscription of ${team.teamName} has ended. ${stopped}`);
    case 'past_due':
      return notice(
        'warning',
        `A payment for ${team.teamName} failed. Please update the card before Stripe’s retries run out.`,
      );
    default:
      break;
  }
  if (sub?.recordingPauseReason === 'quota') {
    return notice(
      'danger',
      `${team.teamName} reached its plan’s pageviews after the grace periods: its sites do not record new pageviews until ${state.period ? day(state.period.end) : 'the next period'} or a larger plan.`,
    );
  }
  const currentPeriod = state.period && team.quotaPeriodStart?.getTime() === state.period.start.getTime();
  if (currentPeriod && sub?.quotaNoticeLevel === 100) {
    return notice(
      'warning',
      `${team.teamName} has gone over its plan’s pageviews this period. Everything is still recorded.`,
    );
  }
  if (currentPeriod && sub?.quotaNoticeLevel === 80) {
    return notice('info', `${team.teamName} has used over 80% of its plan’s pageviews this period.`);
  }
  if (state.standing === 'trial' && state.trialEndsAt.getTime() - now.getTime() <= TRIAL_REMINDER_DAYS * 86_400_000) {
    return notice(
      'info',
      `The free trial of ${team.teamName} ends on ${day(state.trialEndsAt)}. Choose a plan to keep recording.`,
    );
  }
  return null;
}

/** The notices for every team the user belongs to (one query). */
export async function loadBillingNotices(
  db: Pick<Database, 'membership'>,
  userId: string,
  now: Date,
): Promise<BillingNotice[]> {
  const memberships = await db.membership.findMany({
    where: { userId },
    select: {
      role: true,
      team: {
        select: {
          id: true,
          name: true,
          createdAt: true,
          subscription: {
            select: {
              stripeSubscriptionId: true,
              status: true,
              plan: true,
              interval: true,
              trialEndsAt: true,
              currentPeriodStart: true,
              currentPeriodEnd: true,
              cancelAtPeriodEnd: true,
              quotaNoticeLevel: true,
              overQuotaPeriods: true,
              recordingPausedAt: true,
              recordingPauseReason: true,
              quotaPeriodStart: true,
            },
          },
        },
      },
    },
    orderBy: { team: { name: 'asc' } },
  });
  return memberships.flatMap(({ role, team }) => {
    const notice = noticeFor(
      {
        teamId: team.id,
        teamName: team.name,
        teamCreatedAt: team.createdAt,
        subscription: team.subscription,
        quotaPeriodStart: team.subscription?.quotaPeriodStart ?? null,
      },
      role,
      now,
    );
    return notice ? [notice] : [];
  });
}
