import type { Metadata } from 'next';
import Link from 'next/link';
import { forbidden, notFound } from 'next/navigation';

import { UsageMeter } from '@/components/billing/usage-meter';
import { FormSuccess } from '@/components/ui/form-success';
import { linkClass, panelClass } from '@/components/ui/styles';
import { requireUser } from '@/lib/auth/current-user';
import { billingContext } from '@/lib/billing/billing-context';
import { loadBillingOverview, type BillingOverview } from '@/lib/billing/billing-overview';
import { PAID_PLANS, QUOTA_GRACE_PERIODS } from '@/lib/billing/plans';
import { Forbidden, NotFound } from '@/lib/errors';

import { PlanPicker } from './plan-picker';
import { PortalButton } from './portal-button';

export const metadata: Metadata = { title: 'Billing', description: 'Plan, usage and payments of a team.' };

const day = (date: Date) =>
  date.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

function standingText(overview: BillingOverview): string {
  const { state } = overview;
  switch (state.standing) {
    case 'trial':
      return `Free trial until ${day(state.trialEndsAt)}`;
    case 'trial_ended':
      return `Free trial ended on ${day(state.trialEndsAt)}: sites do not record new pageviews`;
    case 'past_due':
      return 'Payment failed: Stripe is retrying; please update the card';
    case 'unpaid':
      return 'Unpaid: sites do not record new pageviews';
    case 'canceled':
      return 'Canceled: sites do not record new pageviews';
    case 'paid':
      if (state.cancelAtPeriodEnd && state.period) return `Active until ${day(state.period.end)}, then canceled`;
      if (overview.stripeStatus === 'trialing' && state.period) {
        return `Free trial until ${day(state.period.end)}, then the first payment`;
      }
      return state.period ? `Active, renews on ${day(state.period.end)}` : 'Active';
  }
}

export default async function BillingPage({
  params,
  searchParams,
}: {
  params: Promise<{ teamId: string }>;
  searchParams: Promise<{ checkout?: string }>;
}) {
  const [{ teamId }, { checkout }] = await Promise.all([params, searchParams]);
  const user = await requireUser();
  let overview: BillingOverview;
  try {
    overview = await loadBillingOverview(billingContext(), { userId: user.id }, teamId);
  } catch (error) {
    if (error instanceof NotFound) notFound();
    if (error instanceof Forbidden) forbidden();
    throw error;
  }
  const { state } = overview;
  const subscribed = state.standing === 'paid' || state.standing === 'past_due';
  const fitting = PAID_PLANS.find((plan) => plan.monthlyPageviews >= (overview.pageviews ?? 0)) ?? PAID_PLANS.at(-1)!;

  return (
    <>
      <h2 className="text-xl font-bold tracking-tight">Billing</h2>

      <div className="mt-4 space-y-2">
        {checkout === 'success' ? (
          <FormSuccess
            message={
              subscribed
                ? `Thank you: ${state.plan.name} is now the team’s plan.`
                : 'Thank you. The new plan shows here as soon as Stripe confirms the payment, usually within seconds.'
            }
          />
        ) : null}
        {checkout === 'cancelled' ? <FormSuccess message="Checkout was cancelled; nothing changed." /> : null}
      </div>

      {!overview.enabled ? (
        <section className={`mt-6 ${panelClass}`}>
          <h2 className="font-semibold">Billing is not set up</h2>
          <p className="mt-1 text-sm text-slate-600">
            This Glance installation has no payment provider configured: every team records without trial or quota
            limits.
          </p>
        </section>
      ) : (
        <>
          <section aria-labelledby="current-plan" className={`mt-6 ${panelClass}`}>
            <div className="flex flex-wrap items-start justify-between gap-4">
              <div>
                <h2 id="current-plan" className="font-semibold">
                  Current plan
                </h2>
                <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-6 gap-y-1 text-sm">
                  <dt className="text-slate-600">Plan</dt>
                  <dd className="font-semibold" data-testid="current-plan">
                    {state.plan.name}
                    {state.interval ? ` (${state.interval === 'year' ? 'yearly' : 'monthly'})` : ''}
                  </dd>
                  <dt className="text-slate-600">Status</dt>
                  <dd data-testid="billing-status">{standingText(overview)}</dd>
                  <dt className="text-slate-600">Includes</dt>
                  <dd>
                    {state.plan.monthlyPageviews.toLocaleString('en')} pageviews a month, {state.plan.limits.sites}{' '}
                    sites, {state.plan.limits.members} members, data kept {state.plan.limits.retentionMonths} months
                  </dd>
                </dl>
              </div>
              {overview.hasBillingAccount ? <PortalButton teamId={teamId} /> : null}
            </div>
            {subscribed ? (
              <p className="mt-4 text-sm text-slate-600">
                Change the plan or billing interval, update the card, download invoices or cancel in{' '}
                <strong>Manage billing</strong> (Stripe’s customer portal). A cancelled subscription runs until the end
                of the period paid for.
              </p>
            ) : null}
          </section>

          <section aria-labelledby="usage" className={`mt-6 ${panelClass}`}>
            <h2 id="usage" className="font-semibold">
              Usage this period
            </h2>
            {overview.pageviews !== null && state.period ? (
              <UsageMeter
                pageviews={overview.pageviews}
                quota={state.plan.monthlyPageviews}
                periodLabel={`${day(state.period.start)} – ${day(state.period.end)}`}
              />
            ) : (
              <p className="mt-2 text-sm text-slate-600">Your sites do not record pageviews at the moment.</p>
            )}
            <UsageNotice overview={overview} />
            <p className="mt-3 text-sm text-slate-600">
              Pageviews of all the team’s sites count; custom events do not. Over the quota, everything is still
              recorded for {QUOTA_GRACE_PERIODS} billing periods in a row; after that, sites stop recording once they
              reach the quota, until the period ends. Owners are emailed at each step.{' '}
              <Link href="/pricing" className={linkClass}>
                The full policy
              </Link>
            </p>
          </section>

          {!subscribed ? (
            <section aria-labelledby="plans" className={`mt-6 ${panelClass}`}>
              <h2 id="plans" className="font-semibold">
                Choose a plan
              </h2>
              <p className="mt-1 mb-4 text-sm text-slate-600">
                {state.standing === 'trial'
                  ? 'Choosing a plan now keeps your free trial: the first payment is taken when it ends.'
                  : 'Recording starts again as soon as the payment is confirmed.'}{' '}
                Payment is handled by Stripe.
              </p>
              <PlanPicker teamId={teamId} plans={PAID_PLANS} suggestedPlanId={fitting.id} />
            </section>
          ) : null}
        </>
      )}
    </>
  );
}

function UsageNotice({ overview }: { overview: BillingOverview }) {
  const percent = overview.percent ?? 0;
  let text: string | null = null;
  let tone = 'bg-amber-50 text-amber-900';
  if (overview.pausedReason === 'quota') {
    text = `Your sites reached the quota after ${QUOTA_GRACE_PERIODS} periods of grace and stopped recording new pageviews until ${overview.periodEnd ? day(overview.periodEnd) : 'the period ends'}. Choose a larger plan to start again at once.`;
    tone = 'bg-red-50 text-red-900';
  } else if (percent >= 100) {
    text =
      overview.graceLeft > 0
        ? `Over the quota: everything is still recorded. ${overview.overQuotaPeriods} of ${QUOTA_GRACE_PERIODS} grace periods used before this one.`
        : 'Over the quota after the grace periods: sites stop recording new pageviews for the rest of this period.';
  } else if (percent >= 80) {
    text = 'Over 80% of the quota used this period.';
    tone = 'bg-brand-50 text-brand-700';
  }
  if (!text) return null;
  return <p className={`mt-3 rounded-lg px-3 py-2 text-sm ${tone}`}>{text}</p>;
}
