'use server';

import { redirect } from 'next/navigation';

import { actionError, type ActionState } from '@/lib/auth/action-result';
import { requireUser } from '@/lib/auth/current-user';
import { billingContext } from '@/lib/billing/billing-context';
import { startCheckout } from '@/lib/billing/checkout';
import { openBillingPortal } from '@/lib/billing/portal';

/** Sends an owner to Stripe Checkout for the chosen plan; nothing changes until Stripe's webhook says so. */
export async function startCheckoutAction(
  teamId: string,
  _previous: ActionState,
  form: FormData,
): Promise<ActionState> {
  const user = await requireUser();
  let url: string;
  try {
    url = await startCheckout(billingContext(), { userId: user.id }, teamId, {
      plan: form.get('plan'),
      interval: form.get('interval'),
    });
  } catch (error) {
    return actionError(error);
  }
  redirect(url);
}

/** Sends an owner to the Stripe Customer Portal (card, invoices, plan changes, cancellation). */
export async function openPortalAction(teamId: string): Promise<ActionState> {
  const user = await requireUser();
  let url: string;
  try {
    url = await openBillingPortal(billingContext(), { userId: user.id }, teamId);
  } catch (error) {
    return actionError(error);
  }
  redirect(url);
}
