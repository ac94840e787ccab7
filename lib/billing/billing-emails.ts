// The emails billing sends to a team's owners: quota notices, trial reminder, payment problems and
// the pause or resumption of recording. Each says what happens next and links to the billing page.
import { compose, type Template } from '@/lib/email/templates';

import { QUOTA_GRACE_PERIODS, type Plan } from './plans';

const number = (value: number) => value.toLocaleString('en');
const day = (date: Date) =>
  date.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

const manage = (url: string) => ({ label: 'Open billing', url });

export function quotaNoticeTemplate(
  input: {
    teamName: string;
    plan: Plan;
    pageviews: number;
    level: 80 | 100;
    overQuotaPeriods: number;
    periodEnd: Date;
  },
  url: string,
): Template {
  const { teamName, plan, pageviews, level } = input;
  const used = `${teamName} has recorded ${number(pageviews)} pageviews this billing period: ${level === 100 ? 'more than' : 'over 80% of'} the ${number(plan.monthlyPageviews)} of the ${plan.name} plan.`;
  if (level === 80) {
    return compose(
      `${teamName}: 80% of your monthly pageviews used`,
      [
        used,
        'Nothing changes yet: every pageview is recorded. If you expect more traffic, a larger plan avoids going over.',
      ],
      manage(url),
    );
  }
  const lastGrace = input.overQuotaPeriods >= QUOTA_GRACE_PERIODS;
  return compose(
    `${teamName}: monthly pageviews exceeded`,
    [
      used,
      lastGrace
        ? `After ${QUOTA_GRACE_PERIODS} billing periods in a row above the plan (the grace periods), this one is above it too: your sites stop recording new pageviews now, until the period ends on ${day(input.periodEnd)} or you choose a larger plan. Data already recorded is kept.`
        : `We keep recording everything. If your sites stay above the plan for ${QUOTA_GRACE_PERIODS} billing periods in a row, they stop recording new pageviews once they reach the quota in the period after that; we will tell you again before.`,
    ],
    manage(url),
  );
}

export function graceEndedTemplate(input: { teamName: string; plan: Plan }, url: string): Template {
  return compose(
    `${input.teamName}: last warning before recording pauses`,
    [
      `${input.teamName} has been above the ${number(input.plan.monthlyPageviews)} monthly pageviews of the ${input.plan.name} plan for ${QUOTA_GRACE_PERIODS} billing periods in a row.`,
      'From this period on, your sites stop recording new pageviews once they reach the quota, until the period ends. Choose a larger plan to keep recording everything.',
    ],
    manage(url),
  );
}

export function trialReminderTemplate(input: { teamName: string; trialEndsAt: Date }, url: string): Template {
  return compose(
    `${input.teamName}: your free trial ends on ${day(input.trialEndsAt)}`,
    [
      `The free trial of ${input.teamName} ends on ${day(input.trialEndsAt)}.`,
      'After that your sites stop recording new pageviews until you choose a plan. Your dashboards and the data already recorded stay available.',
    ],
    manage(url),
  );
}

const PAUSE_TEXT: Record<string, string> = {
  trial_ended: 'The free trial has ended.',
  unpaid: 'The subscription is unpaid.',
  canceled: 'The subscription has ended.',
  quota: 'Your sites reached the plan’s monthly pageviews after the grace periods.',
};

export function recordingPausedTemplate(input: { teamName: string; reason: string }, url: string): Template {
  return compose(
    `${input.teamName}: your sites stopped recording pageviews`,
    [
      `${PAUSE_TEXT[input.reason] ?? ''} From now on, the sites of ${input.teamName} do not record new pageviews or events.`,
      'Your dashboards, exports and the data already recorded stay available. Choose or pay for a plan to start recording again at once.',
    ],
    manage(url),
  );
}

export function recordingResumedTemplate(input: { teamName: string }, url: string): Template {
  return compose(
    `${input.teamName}: your sites record pageviews again`,
    [`The sites of ${input.teamName} record pageviews and events again.`],
    manage(url),
  );
}

export function paymentFailedTemplate(input: { teamName: string }, url: string): Template {
  return compose(
    `${input.teamName}: a payment failed`,
    [
      `The latest payment for ${input.teamName} failed. Our payment processor will try again over the next days; nothing changes meanwhile.`,
      'Please update the card in the billing portal. If every attempt fails, the subscription becomes unpaid and your sites stop recording new pageviews.',
    ],
    manage(url),
  );
}

export function paymentActionRequiredTemplate(input: { teamName: string }, url: string): Template {
  return compose(
    `${input.teamName}: please confirm a payment`,
    [
      `Your bank asks you to confirm the latest payment for ${input.teamName} (for example with 3-D Secure).`,
      'Open the billing portal and confirm it; until then the payment is pending.',
    ],
    manage(url),
  );
}

export function stripeTrialEndingTemplate(
  input: { teamName: string; trialEndsAt: Date | null },
  url: string,
): Template {
  const when = input.trialEndsAt ? day(input.trialEndsAt) : 'in a few days';
  return compose(
    `${input.teamName}: your first payment is due ${input.trialEndsAt ? `on ${when}` : when}`,
    [
      `The trial of your paid plan for ${input.teamName} ends ${input.trialEndsAt ? `on ${when}` : when}; then the first payment is taken.`,
      'To change the plan or the card, or to cancel, open the billing portal.',
    ],
    manage(url),
  );
}
