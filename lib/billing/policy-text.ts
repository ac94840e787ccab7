// The billing policy in words, next to the constants it names: the pricing page and the terms render
// these sentences, and check-quota.ts / billing-state.ts (tested in *.db.test.ts) do exactly this.
import { QUOTA_GRACE_PERIODS, TRIAL_DAYS } from './plans';

export const POLICY = {
  counted:
    'Pageviews, counted over your billing period across all sites of the team (during the free trial, over its days). Custom events are not counted. Nor are bots and automated browsers, or visitors who send Do Not Track (unless you turn that off for a site).',
  overQuota: `Nothing recorded is ever deleted because of a quota. At 80% and at 100% of the quota in a period, the team’s owners get an email and a banner. Over the quota, every pageview is still recorded for ${QUOTA_GRACE_PERIODS} billing periods in a row. If the team stays above the quota that long, its owners get a last warning when the next period starts, and in that period the sites stop recording new pageviews once they reach the quota, until the period ends or the team chooses a larger plan (which starts recording again at once). A period under the quota starts the count again.`,
  lapsed: `When the ${TRIAL_DAYS}-day free trial ends without a plan, or a subscription ends or stays unpaid, the team’s sites stop recording new pageviews and events; dashboards, exports and the data already recorded stay available, owners are told by email and a banner, and choosing or paying for a plan starts recording again at once. When a payment fails, everything keeps working while our payment processor retries it.`,
} as const;
