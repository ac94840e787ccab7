// The plans, defined once: the pricing page, checkout, quota enforcement and data retention all read them.
// Prices are in euro cents, VAT excluded. Stripe price ids are configuration, not part of a plan.

export const PLAN_IDS = ['trial', 'starter', 'growth', 'business', 'scale'] as const;
export type PlanId = (typeof PLAN_IDS)[number];
export type PaidPlanId = Exclude<PlanId, 'trial'>;
export type BillingInterval = 'month' | 'year';

export interface Plan {
  id: PlanId;
  name: string;
  /** One line for the pricing page. */
  summary: string;
  /** Pageviews and custom events counted per billing period (30 days for the trial). */
  monthlyPageviews: number;
  /** null for the trial, which is free. */
  prices: Record<BillingInterval, number> | null;
  limits: {
    sites: number;
    members: number;
    /** Events older than this are deleted by the retention job. */
    retentionMonths: number;
  };
  features: {
    sharedLinks: boolean;
    funnels: boolean;
    statsApi: boolean;
    /** Owners of this plan must use two-factor authentication. */
    ownersNeedTwoFactor: boolean;
  };
}

export const TRIAL_DAYS = 30;
/** Over quota: we keep counting for this many billing periods before ingest pauses, and say so first. */
export const QUOTA_GRACE_PERIODS = 2;
/** The audit log is kept this long on every plan, then purged. */
export const AUDIT_RETENTION_MONTHS = 12;

export const PLANS: Record<PlanId, Plan> = {
  trial: {
    id: 'trial',
    name: 'Trial',
    summary: `Everything in Growth for ${TRIAL_DAYS} days, no card needed.`,
    monthlyPageviews: 100_000,
    prices: null,
    limits: { sites: 10, members: 5, retentionMonths: 24 },
    features: { sharedLinks: true, funnels: true, statsApi: true, ownersNeedTwoFactor: false },
  },
  starter: {
    id: 'starter',
    name: 'Starter',
    summary: 'For a personal site or a small business.',
    monthlyPageviews: 10_000,
    prices: { month: 900, year: 9_000 },
    limits: { sites: 3, members: 1, retentionMonths: 24 },
    features: { sharedLinks: true, funnels: false, statsApi: false, ownersNeedTwoFactor: false },
  },
  growth: {
    id: 'growth',
    name: 'Growth',
    summary: 'For growing products with a team.',
    monthlyPageviews: 100_000,
    prices: { month: 1_900, year: 19_000 },
    limits: { sites: 10, members: 5, retentionMonths: 36 },
    features: { sharedLinks: true, funnels: true, statsApi: true, ownersNeedTwoFactor: true },
  },
  business: {
    id: 'business',
    name: 'Business',
    summary: 'For companies with several sites and teams.',
    monthlyPageviews: 1_000_000,
    prices: { month: 6_900, year: 69_000 },
    limits: { sites: 50, members: 20, retentionMonths: 60 },
    features: { sharedLinks: true, funnels: true, statsApi: true, ownersNeedTwoFactor: true },
  },
  scale: {
    id: 'scale',
    name: 'Scale',
    summary: 'For high-traffic sites.',
    monthlyPageviews: 10_000_000,
    prices: { month: 19_900, year: 199_000 },
    limits: { sites: 200, members: 100, retentionMonths: 60 },
    features: { sharedLinks: true, funnels: true, statsApi: true, ownersNeedTwoFactor: true },
  },
};

export function isPlanId(value: string): value is PlanId {
  return (PLAN_IDS as readonly string[]).includes(value);
}

/** The plan a subscription row names; an unknown name (a plan retired since) falls back to the trial's limits. */
export function planFor(planId: string | null | undefined): Plan {
  return planId && isPlanId(planId) ? PLANS[planId] : PLANS.trial;
}

export const PAID_PLANS: Plan[] = PLAN_IDS.filter((id) => id !== 'trial').map((id) => PLANS[id]);

/**
 * Whether a team's owners must use two-factor authentication: paid plans above the entry plan say so.
 * Placeholder owned by the teams feature until billing exports its own (the lead reconciles the two);
 * a cancelled subscription no longer imposes it.
 */
export function ownersNeedTwoFactor(subscription: { plan: string; status: string } | null | undefined): boolean {
  if (!subscription || subscription.status === 'canceled') return false;
  return planFor(subscription.plan).features.ownersNeedTwoFactor;
}
