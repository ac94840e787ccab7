// POST /api/stripe/webhook: Stripe's events. The signature is checked over the raw body before
// anything else; each event is applied once (lib/billing/webhooks). No session, no cookies: Stripe
// calls this from its servers, so there is no Origin check either.
import { billingContext } from '@/lib/billing/billing-context';
import { handleStripeWebhook, WEBHOOK_MAX_BYTES } from '@/lib/billing/webhooks/handle-stripe-webhook';
import { errorResponse } from '@/lib/http/error-response';
import { readBodyText } from '@/lib/http/read-body';

export const dynamic = 'force-dynamic';

export async function POST(request: Request) {
  try {
    const body = await readBodyText(request, WEBHOOK_MAX_BYTES);
    const result = await handleStripeWebhook(billingContext(), body, request.headers.get('stripe-signature'));
    return Response.json({ received: true, ...result }, { headers: { 'Cache-Control': 'no-store' } });
  } catch (error) {
    return errorResponse(error);
  }
}
