// The local mail sink as its own process, for the end-to-end tests (playwright.config.ts starts it
// next to the app): SMTP on --smtp-port, and on --http-port `GET /messages` (JSON, newest last)
// and `GET /health`. Loopback only.
import http from 'node:http';

import { startMailSink } from '@/lib/email/sink';

const arg = (name: string) => Number(process.argv[process.argv.indexOf(name) + 1]);

async function main() {
  const sink = await startMailSink({ port: arg('--smtp-port') });
  const server = http.createServer((req, res) => {
    const path = req.url?.split('?')[0];
    if (req.method === 'GET' && path === '/messages') {
      res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(sink.messages));
    } else if (req.method === 'GET' && path === '/health') {
      res.writeHead(200, { 'Content-Type': 'text/plain' }).end('ok');
    } else {
      res.writeHead(404).end();
    }
  });
  server.listen(arg('--http-port'), '127.0.0.1', () =>
    console.log(`Mail sink: SMTP ${sink.url}, messages at http://127.0.0.1:${arg('--http-port')}/messages`),
  );
  const stop = () => void sink.stop().then(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

void main();
