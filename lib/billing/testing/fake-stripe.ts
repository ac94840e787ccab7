// A small Stripe-compatible HTTP server for tests (no internet here): the real `stripe` client talks
// to it (STRIPE_API_HOST/PORT/PROTOCOL). It answers the calls Glance makes with objects shaped like
// API 2026-10-28's, records every request, serves a stand-in Checkout page whose "Pay" button
// completes the session and delivers signed webhooks to the app, like Stripe does.
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

import Stripe from 'stripe';

import { decodeStripeForm, type FormValue } from './form-body';

type Json = Record<string, unknown>;

export interface RecordedRequest {
  method: string;
  path: string;
  body: Record<string, FormValue>;
  idempotencyKey: string | null;
}

export interface FakeStripeOptions {
  port?: number;
  /** Where "Pay" delivers events, and the secret they are signed with (both optional). */
  webhookUrl?: string;
  webhookSecret?: string;
  /** Stripe price id → interval, for the subscriptions it creates (unknown prices: month). */
  intervals?: Record<string, 'month' | 'year'>;
}

const DAY = 86_400;
const nowSeconds = () => Math.floor(Date.now() / 1000);
const newId = (prefix: string) => `${prefix}_${randomBytes(12).toString('hex')}`;
const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export class FakeStripe {
  readonly requests: RecordedRequest[] = [];
  readonly customers = new Map<string, Json>();
  readonly sessions = new Map<string, Json>();
  readonly subscriptions = new Map<string, Stripe.Subscription>();
  readonly delivered: { event: Stripe.Event; status: number }[] = [];
  private server: http.Server | null = null;
  private readonly signer = new Stripe('sk_test_signer');
  port = 0;

  constructor(private readonly options: FakeStripeOptions = {}) {}

  get url() {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(): Promise<this> {
    this.server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        this.route(req, Buffer.concat(chunks).toString('utf8'))
          .then(({ status, body, headers }) => res.writeHead(status, headers).end(body))
          .catch((error: unknown) => res.writeHead(500).end(String(error)));
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(this.options.port ?? 0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  // ── Objects as Stripe shapes them ─────────────────────────────────────────────────────────────

  /** Creates a subscription as Stripe would at the end of a checkout. */
  createSubscription(input: {
    customer: string;
    price: string;
    metadata?: Record<string, string>;
    status?: Stripe.Subscription.Status;
    trialEnd?: number | null;
  }): Stripe.Subscription {
    const now = nowSeconds();
    const interval = this.options.intervals?.[input.price] ?? 'month';
    const trialEnd = input.trialEnd ?? null;
    const start = now;
    const end = trialEnd ?? now + (interval === 'year' ? 365 : 30) * DAY;
    const id = newId('sub');
    const subscription = {
      id,
      object: 'subscription',
      customer: input.customer,
      status: input.status ?? (trialEnd ? 'trialing' : 'active'),
      cancel_at_period_end: false,
      cancel_at: null,
      canceled_at: null,
      ended_at: null,
      created: now,
      start_date: now,
      trial_start: trialEnd ? now : null,
      trial_end: trialEnd,
      currency: 'eur',
      livemode: false,
      metadata: input.metadata ?? {},
      collection_method: 'charge_automatically',
      latest_invoice: null,
      items: {
        object: 'list',
        has_more: false,
        url: `/v1/subscription_items?subscription=${id}`,
        data: [
          {
            id: newId('si'),
            object: 'subscription_item',
            subscription: id,
            quantity: 1,
            created: now,
            current_period_start: start,
            current_period_end: end,
            metadata: {},
            price: {
              id: input.price,
              object: 'price',
              active: true,
              currency: 'eur',
              type: 'recurring',
              recurring: { interval, interval_count: 1, usage_type: 'licensed' },
              livemode: false,
            },
          },
        ],
      },
    } as unknown as Stripe.Subscription;
    this.subscriptions.set(id, subscription);
    return subscription;
  }

  /** Changes a subscription as a later Stripe operation would (status, price, cancellation, period). */
  updateSubscription(
    id: string,
    patch: {
      status?: Stripe.Subscription.Status;
      price?: string;
      cancelAtPeriodEnd?: boolean;
      period?: { start: number; end: number };
    },
  ): Stripe.Subscription {
    const subscription = this.subscriptions.get(id);
    if (!subscription) throw new Error(`no subscription ${id}`);
    const item = subscription.items.data[0] as unknown as Json & {
      price: Json;
      current_period_start: number;
      current_period_end: number;
    };
    if (patch.status) {
      (subscription as unknown as Json).status = patch.status;
      if (patch.status === 'canceled') {
        (subscription as unknown as Json).canceled_at = nowSeconds();
        (subscription as unknown as Json).ended_at = nowSeconds();
      }
    }
    if (patch.price) {
      item.price = {
        ...item.price,
        id: patch.price,
        recurring: { interval: this.options.intervals?.[patch.price] ?? 'month', interval_count: 1 },
      };
    }
    if (patch.cancelAtPeriodEnd !== undefined)
      (subscription as unknown as Json).cancel_at_period_end = patch.cancelAtPeriodEnd;
    if (patch.period) {
      item.current_period_start = patch.period.start;
      item.current_period_end = patch.period.end;
    }
    return subscription;
  }

  invoice(subscriptionId: string, status: 'paid' | 'open'): Json {
    const subscription = this.subscriptions.get(subscriptionId)!;
    return {
      id: newId('in'),
      object: 'invoice',
      customer: subscription.customer,
      status,
      currency: 'eur',
      amount_due: 1900,
      amount_paid: status === 'paid' ? 1900 : 0,
      created: nowSeconds(),
      livemode: false,
      parent: {
        type: 'subscription_details',
        quote_details: null,
        subscription_details: { subscription: subscriptionId, metadata: subscription.metadata },
      },
    };
  }

  /** An event as Stripe sends it; `created` defaults to now (seconds). */
  event(type: string, object: unknown, created = nowSeconds()): Stripe.Event {
    return {
      id: newId('evt'),
      object: 'event',
      api_version: '2026-10-28.endive',
      created,
      type,
      livemode: false,
      pending_webhooks: 1,
      request: { id: null, idempotency_key: null },
      data: { object: structuredClone(object) },
    } as unknown as Stripe.Event;
  }

  /** The event's JSON and a valid Stripe-Signature header for it. */
  sign(event: Stripe.Event, secret = this.options.webhookSecret!): { payload: string; signature: string } {
    const payload = JSON.stringify(event, null, 2);
    return { payload, signature: this.signer.webhooks.generateTestHeaderString({ payload, secret }) };
  }

  /** Posts a signed event to the webhook URL, as Stripe's delivery does. */
  async deliver(
    event: Stripe.Event,
    url = this.options.webhookUrl!,
    secret = this.options.webhookSecret!,
  ): Promise<number> {
    const { payload, signature } = this.sign(event, secret);
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Stripe-Signature': signature },
      body: payload,
    });
    await response.arrayBuffer();
    this.delivered.push({ event, status: response.status });
    return response.status;
  }

  /** What Stripe does when the customer pays: the subscription exists, then the events go out. */
  async completeCheckout(
    sessionId: string,
  ): Promise<{ session: Json; subscription: Stripe.Subscription; events: Stripe.Event[] }> {
    const session = this.sessions.get(sessionId);
    if (!session) throw new Error(`no session ${sessionId}`);
    const lineItems = session.line_items as { price: string }[];
    const subscriptionData = (session.subscription_data ?? {}) as {
      metadata?: Record<string, string>;
      trial_end?: string;
    };
    const subscription = this.createSubscription({
      customer: session.customer as string,
      price: lineItems[0]!.price,
      metadata: subscriptionData.metadata,
      trialEnd: subscriptionData.trial_end ? Number(subscriptionData.trial_end) : null,
    });
    Object.assign(session, { status: 'complete', payment_status: 'paid', subscription: subscription.id });
    const events = [
      this.event('customer.subscription.created', subscription),
      this.event('invoice.paid', this.invoice(subscription.id, 'paid')),
      this.event('checkout.session.completed', session),
    ];
    if (this.options.webhookUrl) for (const event of events) await this.deliver(event);
    return { session, subscription, events };
  }

  // ── HTTP ──────────────────────────────────────────────────────────────────────────────────────

  private async route(
    req: http.IncomingMessage,
    raw: string,
  ): Promise<{ status: number; body: string; headers: Record<string, string> }> {
    const url = new URL(req.url ?? '/', this.url);
    const method = req.method ?? 'GET';
    const json = (status: number, body: unknown) => ({
      status,
      body: JSON.stringify(body),
      headers: { 'Content-Type': 'application/json', 'Request-Id': newId('req') },
    });
    const html = (status: number, body: string) => ({
      status,
      body,
      headers: { 'Content-Type': 'text/html; charset=utf-8' },
    });
    const error = (status: number, message: string) =>
      json(status, { error: { type: 'invalid_request_error', message } });

    if (url.pathname === '/__requests') return json(200, this.requests);
    if (url.pathname === '/health') return json(200, { ok: true });

    const checkoutPage = url.pathname.match(/^\/checkout\/(cs_\w+)(\/pay)?$/);
    if (checkoutPage) {
      const session = this.sessions.get(checkoutPage[1]!);
      if (!session) return html(404, '<h1>No such checkout</h1>');
      if (checkoutPage[2] && method === 'POST') {
        await this.completeCheckout(checkoutPage[1]!);
        return { status: 303, body: '', headers: { Location: session.success_url as string } };
      }
      const price = (session.line_items as { price: string }[])[0]!.price;
      return html(
        200,
        `<!doctype html><html lang="en"><head><title>Test checkout</title></head><body><main><h1>Test checkout</h1><p>Subscribe to ${escapeHtml(price)}.</p><form method="post" action="/checkout/${escapeHtml(checkoutPage[1]!)}/pay"><button type="submit">Pay</button></form><p><a href="${escapeHtml(session.cancel_url as string)}">Back</a></p></main></body></html>`,
      );
    }
    const portalPage = url.pathname.match(/^\/portal\/(bps_\w+)$/);
    if (portalPage) {
      return html(
        200,
        '<!doctype html><html lang="en"><head><title>Test billing portal</title></head><body><h1>Test billing portal</h1></body></html>',
      );
    }

    if (!url.pathname.startsWith('/v1/')) return error(404, 'Unrecognized request URL');
    if (!/^Bearer (sk|rk)_test_\w+$/.test(req.headers.authorization ?? '')) {
      return json(401, { error: { type: 'invalid_request_error', message: 'Invalid API Key provided' } });
    }
    const body = decodeStripeForm(method === 'GET' ? url.searchParams.toString() : raw);
    const idempotencyKey = (req.headers['idempotency-key'] as string | undefined) ?? null;
    this.requests.push({ method, path: url.pathname, body, idempotencyKey });

    if (method === 'POST' && url.pathname === '/v1/customers') {
      const existing = [...this.customers.values()].find((c) => idempotencyKey && c._idempotencyKey === idempotencyKey);
      if (existing) return json(200, existing);
      const customer = {
        id: newId('cus'),
        object: 'customer',
        created: nowSeconds(),
        livemode: false,
        name: body.name ?? null,
        metadata: body.metadata ?? {},
        _idempotencyKey: idempotencyKey,
      };
      this.customers.set(customer.id, customer);
      return json(200, customer);
    }
    if (method === 'POST' && url.pathname === '/v1/checkout/sessions') {
      if (!body.customer || !this.customers.has(body.customer as string)) return error(400, 'No such customer');
      const id = newId('cs_test');
      const session = {
        id,
        object: 'checkout.session',
        mode: body.mode,
        status: 'open',
        payment_status: 'unpaid',
        livemode: false,
        created: nowSeconds(),
        subscription: null,
        url: `${this.url}/checkout/${id}`,
        ...body,
      };
      this.sessions.set(id, session);
      return json(200, session);
    }
    if (method === 'POST' && url.pathname === '/v1/billing_portal/sessions') {
      if (!body.customer || !this.customers.has(body.customer as string)) return error(400, 'No such customer');
      const id = newId('bps');
      return json(200, {
        id,
        object: 'billing_portal.session',
        customer: body.customer,
        return_url: body.return_url,
        livemode: false,
        created: nowSeconds(),
        url: `${this.url}/portal/${id}`,
      });
    }
    const subscription = url.pathname.match(/^\/v1\/subscriptions\/(sub_\w+)$/);
    if (method === 'DELETE' && subscription) {
      if (!this.subscriptions.has(subscription[1]!)) return error(404, `No such subscription: '${subscription[1]}'`);
      return json(200, this.updateSubscription(subscription[1]!, { status: 'canceled' }));
    }
    if (method === 'GET' && subscription) {
      const found = this.subscriptions.get(subscription[1]!);
      return found ? json(200, found) : error(404, `No such subscription: '${subscription[1]}'`);
    }
    return error(404, `Unrecognized request URL (${method}: ${url.pathname})`);
  }
}
