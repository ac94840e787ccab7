// The quota and standing check of one team, run by the schedule (lib/billing/schedule.ts) and after
// every webhook: counts the period's pageviews, closes finished periods, sends the 80% and 100%
// notices and the trial reminder once, and pauses or resumes recording. The policy it enforces is
// written on the pricing page: over quota, recording continues for QUOTA_GRACE_PERIODS periods; only
// in the period after that do sites stop recording, once they reach the quota, and owners are told
// by email (and a banner) at each step. Data already recorded is never deleted by any of this.
import { recordAudit } from '@/lib/audit/record-audit';
import type { Prisma } from '@/lib/db/generated/client';

import { billingUrl, nowOf, type BillingContext } from './billing-context';
import {
  graceEndedTemplate,
  quotaNoticeTemplate,
  recordingPausedTemplate,
  recordingResumedTemplate,
  trialReminderTemplate,
} from './billing-emails';
import { billingState, quotaLevel, standingPauseReason, trialReminderDue, type PauseReason } from './billing-state';
import { QUOTA_GRACE_PERIODS } from './plans';
import { loadTeamBilling, ownerEmails } from './team-billing';
import { closedPeriodPageviews, periodUsage } from './usage';

export interface QuotaCheck {
  teamId: string;
  pageviews: number | null;
  paused: PauseReason | null;
  emails: string[];
}

type Email = 'trial' | 'grace' | 'quota80' | 'quota100' | 'paused' | 'resumed';

export async function checkTeamQuota(ctx: BillingContext, teamId: string): Promise<QuotaCheck | null> {
  const now = nowOf(ctx);
  const team = await loadTeamBilling(ctx.db, teamId);
  if (!team) return null;
  const sub = team.subscription;
  const state = billingState(team, now);
  const update: Prisma.SubscriptionUncheckedUpdateInput = {};
  const emails: Email[] = [];

  if (trialReminderDue(state, sub?.trialReminderSentAt ?? null, now)) {
    update.trialReminderSentAt = now;
    emails.push('trial');
  }

  let noticeLevel = sub?.quotaNoticeLevel ?? 0;
  let overQuotaPeriods = sub?.overQuotaPeriods ?? 0;
  let pause: PauseReason | null = (sub?.recordingPauseReason as PauseReason | null) ?? null;
  let pageviews: number | null = null;

  if (state.period) {
    const tracked = sub?.quotaPeriodStart ?? null;
    if (!tracked || tracked.getTime() !== state.period.start.getTime()) {
      if (tracked && tracked < state.period.start) {
        // The tracked period is over: did it end above the plan? (The current plan's quota applies, so
        // an upgrade during the period counts in the customer's favour.)
        const closed = await closedPeriodPageviews(ctx.db, teamId, tracked, state.period.start, sub);
        overQuotaPeriods = closed > state.plan.monthlyPageviews ? overQuotaPeriods + 1 : 0;
        if (overQuotaPeriods === QUOTA_GRACE_PERIODS) emails.push('grace');
      }
      update.quotaPeriodStart = state.period.start;
      update.overQuotaPeriods = overQuotaPeriods;
      noticeLevel = 0;
      // A new period: counting starts again.
      if (pause === 'quota') pause = null;
    }
    const stored = update.quotaPeriodStart ? null : sub;
    const usage = await periodUsage(ctx.db, teamId, state.period.start, stored, now);
    pageviews = usage.pageviews;
    update.quotaPageviews = usage.settled.pageviews;
    update.quotaCountedTo = usage.settled.countedTo;
    const { level } = quotaLevel(pageviews, state.plan);
    if (level > noticeLevel) {
      emails.push(level === 100 ? 'quota100' : 'quota80');
      noticeLevel = level;
    }
    if (level === 100 && overQuotaPeriods >= QUOTA_GRACE_PERIODS && pause === null) pause = 'quota';
    // Below the quota again (a larger plan): recording resumes.
    if (level < 100 && pause === 'quota') pause = null;
    update.quotaNoticeLevel = noticeLevel;
  }

  const standingPause = standingPauseReason(state.standing);
  if (standingPause) pause = standingPause;
  else if (pause && pause !== 'quota') pause = null;

  const previous = (sub?.recordingPauseReason as PauseReason | null) ?? null;
  if (pause !== previous) {
    update.recordingPausedAt = pause ? now : null;
    update.recordingPauseReason = pause;
    emails.push(pause ? 'paused' : 'resumed');
  }

  const changed = Object.keys(update).some((key) => {
    const before = sub ? (sub as Record<string, unknown>)[key] : undefined;
    const after = (update as Record<string, unknown>)[key];
    return !(before instanceof Date && after instanceof Date ? before.getTime() === after.getTime() : before === after);
  });
  if (changed || emails.length) {
    const won = await ctx.db.$transaction(async (tx) => {
      // Optimistic: the row must still hold what this check read, or another check (a webhook's, or
      // another instance's) got there first and has sent the emails; then this one changes nothing.
      if (sub) {
        const { count } = await tx.subscription.updateMany({
          where: {
            teamId,
            quotaPeriodStart: sub.quotaPeriodStart,
            quotaNoticeLevel: sub.quotaNoticeLevel,
            overQuotaPeriods: sub.overQuotaPeriods,
            recordingPauseReason: sub.recordingPauseReason,
            trialReminderSentAt: sub.trialReminderSentAt,
          },
          data: update,
        });
        if (count === 0) return false;
      } else {
        const created = await tx.subscription.createMany({
          data: [{ trialEndsAt: state.trialEndsAt, ...(update as Prisma.SubscriptionUncheckedCreateInput), teamId }],
          skipDuplicates: true,
        });
        if (created.count === 0) return false;
      }
      if (pause !== previous) {
        await recordAudit(tx, {
          action: pause ? 'billing.recording_paused' : 'billing.recording_resumed',
          teamId,
          targetType: 'team',
          targetId: teamId,
          metadata: { reason: pause ?? previous ?? 'unknown', pageviews, plan: state.plan.id },
        });
      }
      return true;
    });
    if (!won) return { teamId, pageviews, paused: previous, emails: [] };
  }

  // One email when recording pauses for the quota: the pause notice says it all.
  const toSend = pause === 'quota' && emails.includes('paused') ? emails.filter((e) => e !== 'quota100') : emails;
  if (toSend.length) {
    const url = billingUrl(ctx, teamId);
    const to = await ownerEmails(ctx.db, teamId);
    for (const email of toSend) {
      const template =
        email === 'trial'
          ? trialReminderTemplate({ teamName: team.teamName, trialEndsAt: state.trialEndsAt }, url)
          : email === 'grace'
            ? graceEndedTemplate({ teamName: team.teamName, plan: state.plan }, url)
            : email === 'paused'
              ? recordingPausedTemplate({ teamName: team.teamName, reason: pause! }, url)
              : email === 'resumed'
                ? recordingResumedTemplate({ teamName: team.teamName }, url)
                : quotaNoticeTemplate(
                    {
                      teamName: team.teamName,
                      plan: state.plan,
                      pageviews: pageviews ?? 0,
                      level: email === 'quota100' ? 100 : 80,
                      overQuotaPeriods,
                      periodEnd: state.period!.end,
                    },
                    url,
                  );
      for (const address of to) ctx.mailer.send({ to: address, ...template });
    }
  }
  return { teamId, pageviews, paused: pause, emails };
}

/** Every team with a site, one after another; then forgets processed Stripe events older than 90 days. */
export async function checkAllQuotas(
  ctx: BillingContext,
  signal?: AbortSignal,
): Promise<{ teams: number; paused: number }> {
  const teams = await ctx.db.team.findMany({ where: { sites: { some: {} } }, select: { id: true } });
  let paused = 0;
  for (const { id } of teams) {
    if (signal?.aborted) break;
    const result = await checkTeamQuota(ctx, id);
    if (result?.paused) paused += 1;
  }
  await ctx.db.stripeEvent.deleteMany({
    where: { processedAt: { lt: new Date(nowOf(ctx).getTime() - 90 * 86_400_000) } },
  });
  return { teams: teams.length, paused };
}
