// The HTTP server: Next.js behind Node's own http server, for two things `next start` cannot do.
// 1. It records each connection's address in a header the client cannot forge (ingest needs the
//    real IP to compute the visitor id; X-Forwarded-For is honoured only as configured).
// 2. On SIGTERM/SIGINT it drains: for DRAIN_GRACE_MS it still answers, but tells every client to close
//    its connection (and health says "draining", so a load balancer moves away); then it stops
//    accepting connections, commits every queued hit, and exits. Closing keep-alive connections at once
//    would reset the requests clients are sending on them at that instant (bench/faults.ts measures it).
// 3. It runs the retention job periodically (lib/retention/schedule.ts), unless turned off, and the
//    billing quota check (lib/billing/schedule.ts) when billing is on, and the rollup job
//    (lib/stats/rollups/schedule.ts). They run on the embedded database too: start.ts hands this
//    process its URL as DATABASE_URL (lib/billing/schedule.db.test.ts).
// 4. It answers the tracker's POST /api/event itself (lib/ingest/serve-event.ts), with the same
//    handler as the Next.js route: Next.js's dynamic-route pipeline costs several milliseconds per
//    request (bench/ingest.ts).
import http from 'node:http';

import next from 'next';

import { billingContext, billingEnabled } from '@/lib/billing/billing-context';
import { scheduleBillingChecks } from '@/lib/billing/schedule';
import { config } from '@/lib/config';
import { db, pool } from '@/lib/db/client';
import { PEER_ADDRESS_HEADER } from '@/lib/ingest/client-ip';
import { EVENT_PATH } from '@/lib/ingest/event-endpoint';
import { drainIngest } from '@/lib/ingest/runtime';
import { serveEvent } from '@/lib/ingest/serve-event';
import { runRetentionExclusively, scheduleRetention } from '@/lib/retention/schedule';
import { scheduleRollups } from '@/lib/stats/rollups/schedule';

/** How long a stopping server keeps answering (with `Connection: close`) before it closes its sockets. */
const DRAIN_GRACE_MS = 1_000;
const HEALTH_PATH = '/api/health';

async function main() {
  const dev = process.argv.includes('--dev');
  const { PORT, DATABASE_URL, RETENTION_INTERVAL_MINUTES, ROLLUP_INTERVAL_MINUTES, BILLING_CHECK_INTERVAL_MINUTES } =
    config();
  const app = next({ dev, port: PORT });
  const handle = app.getRequestHandler();
  await app.prepare();

  let stopping = false;
  const server = http.createServer((req, res) => {
    req.headers[PEER_ADDRESS_HEADER] = req.socket.remoteAddress ?? '';
    if (stopping) {
      // Each client leaves after this answer and reconnects elsewhere (or here, until the grace ends).
      res.shouldKeepAlive = false;
      if (req.url?.split('?')[0] === HEALTH_PATH) {
        res
          .writeHead(503, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' })
          .end(JSON.stringify({ status: 'draining' }));
        return;
      }
    }
    // TRACE/TRACK echo requests back (cookies included); no route of ours answers them.
    if (req.method === 'TRACE' || req.method === 'TRACK') {
      res
        .writeHead(405, { Allow: 'GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS', 'Content-Type': 'text/plain' })
        .end('Method not allowed');
      return;
    }
    if (req.url?.split('?')[0] === EVENT_PATH) void serveEvent(req, res);
    else void handle(req, res);
  });
  server.listen(PORT, () => console.log(`▲ Glance listening on http://localhost:${PORT}`));

  const retention =
    RETENTION_INTERVAL_MINUTES > 0 && DATABASE_URL
      ? scheduleRetention(
          (signal) => runRetentionExclusively({ db: db(), pool: pool(), url: DATABASE_URL }, new Date(), signal),
          { intervalMs: RETENTION_INTERVAL_MINUTES * 60_000 },
        )
      : null;

  const rollups =
    ROLLUP_INTERVAL_MINUTES > 0
      ? scheduleRollups({ db: db(), url: DATABASE_URL }, ROLLUP_INTERVAL_MINUTES * 60_000)
      : null;

  const billing = billingContext();
  const billingChecks =
    BILLING_CHECK_INTERVAL_MINUTES > 0 && DATABASE_URL && billingEnabled(billing)
      ? scheduleBillingChecks(billing, DATABASE_URL, BILLING_CHECK_INTERVAL_MINUTES * 60_000)
      : null;

  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: draining connections for ${DRAIN_GRACE_MS} ms…`);
    await new Promise((resolve) => setTimeout(resolve, DRAIN_GRACE_MS));
    console.log('No new connections; committing queued events…');
    server.close();
    server.closeIdleConnections();
    await Promise.all([drainIngest(), retention?.stop(), rollups?.stop(), billingChecks?.stop()]);
    console.log('Queued events committed; bye.');
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
