// The reference ceiling for bench/ingest.ts: a bare Node HTTP server that reads the body and answers 204.
import http from 'node:http';

const port = Number(process.argv[2] ?? 0);
const server = http.createServer((request, response) => {
  request.on('data', () => {});
  request.on('end', () => response.writeHead(204, { 'Access-Control-Allow-Origin': '*' }).end());
});
server.listen(port, '127.0.0.1', () => {
  const address = server.address();
  console.log(`listening ${typeof address === 'object' && address ? address.port : port}`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
