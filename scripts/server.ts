// The HTTP server: Next.js behind Node's own http server, for two things `next start` cannot do.
// 1. It records each connection's address in a header the client cannot forge (ingest needs the
//    real IP to compute the visitor id; X-Forwarded-For is honoured only as configured).
// 2. On SIGTERM/SIGINT it stops accepting connections, commits every queued hit, then exits.
import http from 'node:http';

import next from 'next';

import { config } from '@/lib/config';
import { PEER_ADDRESS_HEADER } from '@/lib/ingest/client-ip';
import { drainIngest } from '@/lib/ingest/runtime';

async function main() {
  const dev = process.argv.includes('--dev');
  const { PORT } = config();
  const app = next({ dev, port: PORT });
  const handle = app.getRequestHandler();
  await app.prepare();

  const server = http.createServer((req, res) => {
    req.headers[PEER_ADDRESS_HEADER] = req.socket.remoteAddress ?? '';
    void handle(req, res);
  });
  server.listen(PORT, () => console.log(`▲ Glance listening on http://localhost:${PORT}`));

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: no new connections; committing queued events…`);
    server.close();
    server.closeIdleConnections();
    await drainIngest();
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
