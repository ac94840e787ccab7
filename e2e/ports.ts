// Ports of one end-to-end run, derived from E2E_PORT so engineers sharing a machine never collide.
export const APP_PORT = Number(process.env.E2E_PORT ?? 3100);
/** The local mail sink (scripts/mail-sink.ts): the app sends through SMTP, the tests read what arrived. */
export const MAIL_SINK_SMTP_PORT = APP_PORT + 20_000;
// Below 32768: Linux hands out 32768–60999 as the local ports of outgoing connections, and a listener
// there fails with EADDRINUSE whenever some connection happens to hold it (seen once in CI on 33100).
export const MAIL_SINK_HTTP_PORT = APP_PORT + 25_000;
/** The local Stripe-compatible server (scripts/fake-stripe.ts) the app's Stripe client talks to. */
export const FAKE_STRIPE_PORT = APP_PORT + 15_000;
