// `npm run bench:faults`: does Glance keep every hit it acknowledged when things break under load?
// On a throw-away PostgreSQL cluster of its own (bench/throwaway-postgres.ts; the machine's service
// is never touched) it runs the production server (scripts/server.ts; `npm run build` first) and
// sends tracker hits from concurrent loopback clients, each hit with a unique path, while:
//   1. PostgreSQL crashes (pg_ctl stop -m immediate) and comes back a few seconds later;
//   2. the app gets SIGTERM (graceful drain) in the middle of the load.
// Afterwards every hit answered 202 must be in the database; /api/health must have answered 503
// during the outage, and the app must have reconnected by itself. Exits 1 if any check fails.
// Options: --clients=20, --outage=3 (seconds the database is down).
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import http from 'node:http';

import pg from 'pg';

import { migrate } from '@/lib/db/migrate';

import { freePort, ThrowawayPostgres } from './throwaway-postgres';

const arg = (name: string, fallback: number) =>
  Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
const CLIENTS = arg('clients', 20);
const OUTAGE_S = arg('outage', 3);
const SITE = 'faults.example.com';
const UA = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Steady state first: the first hits load the GeoIP data and create the day's salt. */
async function warmUp(tally: Tally) {
  const deadline = Date.now() + 60_000;
  while (tally.acknowledged.size === 0 && Date.now() < deadline) await sleep(50);
  await sleep(2_000);
}

interface App {
  child: ChildProcess;
  port: number;
  output: () => string;
}

async function startApp(databaseUrl: string): Promise<App> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/server.ts'], {
    env: {
      ...process.env,
      PORT: String(port),
      APP_URL: `http://localhost:${port}`,
      DATABASE_URL: databaseUrl,
      DATABASE_POOL_MAX: '10',
      TRUST_PROXY_HOPS: '1',
      LOG_LEVEL: 'warn',
      NODE_ENV: 'production',
      DEMO_DATA: 'false',
      RETENTION_INTERVAL_MINUTES: '0',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  // Keep only the tail: during an outage the app logs every failed write.
  const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20_000));
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const deadline = Date.now() + 60_000;
  while (!/listening on/.test(output)) {
    if (Date.now() > deadline || child.exitCode !== null) throw new Error(`the app did not start:\n${output}`);
    await sleep(100);
  }
  return { child, port, output: () => output };
}

interface Tally {
  sent: number;
  acknowledged: Set<string>;
  statuses: Map<string, number>;
  /** When each 2xx was answered, to find the first one after the outage. */
  ackTimes: number[];
}

/** `clients` loops of POST /api/event, each hit a new visitor and a unique path, until `until()` says stop. */
async function load(port: number, label: string, until: () => boolean, tally: Tally) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: CLIENTS });
  let n = 0;
  const post = (marker: string, ip: string) =>
    new Promise<string>((resolve) => {
      const body = JSON.stringify({ n: 'pageview', u: `https://${SITE}${marker}`, d: SITE, w: 1280 });
      const request = http.request(
        {
          host: '127.0.0.1',
          port,
          path: '/api/event',
          method: 'POST',
          agent,
          timeout: 15_000,
          headers: { 'content-type': 'text/plain', 'user-agent': UA, 'x-forwarded-for': ip },
        },
        (response) => {
          response.resume();
          response.on('end', () =>
            resolve(response.headers['x-glance-dropped'] ? `dropped` : String(response.statusCode)),
          );
          response.on('error', () => resolve('connection error'));
        },
      );
      request.on('timeout', () => request.destroy(new Error('timeout')));
      request.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
      request.end(body);
    });
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      while (!until()) {
        const i = n++;
        const marker = `/f/${label}/${i}`;
        tally.sent++;
        const outcome = await post(marker, `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`);
        tally.statuses.set(outcome, (tally.statuses.get(outcome) ?? 0) + 1);
        if (outcome === '202') {
          tally.acknowledged.add(marker);
          tally.ackTimes.push(Date.now());
        }
        // A refused connection (the app is gone) would spin: back off a little.
        if (!/^\d+$/.test(outcome)) await sleep(20);
      }
    }),
  );
  agent.destroy();
}

/** Polls /api/health every 100 ms; returns the answers with their times. */
function pollHealth(port: number, until: () => boolean) {
  const answers: { at: number; status: number }[] = [];
  const done = (async () => {
    while (!until()) {
      const at = Date.now();
      try {
        const response = await fetch(`http://127.0.0.1:${port}/api/health`, { signal: AbortSignal.timeout(5_000) });
        answers.push({ at, status: response.status });
      } catch {
        answers.push({ at, status: 0 });
      }
      await sleep(100);
    }
  })();
  return { answers, done };
}

async function storedMarkers(url: string, label: string): Promise<Set<string>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ pathname: string }>(`SELECT pathname FROM "Event" WHERE pathname LIKE $1`, [
      `/f/${label}/%`,
    ]);
    return new Set(rows.map((row) => row.pathname));
  } finally {
    await client.end();
  }
}

const newTally = (): Tally => ({ sent: 0, acknowledged: new Set(), statuses: new Map(), ackTimes: [] });
const statusLine = (tally: Tally) =>
  [...tally.statuses]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([status, count]) => `${status}: ${count}`)
    .join(', ');

function verdict(tally: Tally, stored: Set<string>) {
  const lost = [...tally.acknowledged].filter((marker) => !stored.has(marker));
  console.log(`  hits sent            ${tally.sent}`);
  console.log(`  answers              ${statusLine(tally)}`);
  console.log(`  acknowledged (202)   ${tally.acknowledged.size}`);
  console.log(`  stored               ${stored.size}`);
  const unacknowledged = [...stored].filter((marker) => !tally.acknowledged.has(marker)).length;
  console.log(`  stored without a 202 ${unacknowledged} (committed, but the answer never reached the client)`);
  console.log(`  LOST (202, not stored) ${lost.length}${lost.length ? `: ${lost.slice(0, 5).join(', ')}…` : ''}`);
  return lost.length === 0;
}

async function databaseRestart(cluster: ThrowawayPostgres, url: string): Promise<boolean> {
  console.log(`\n1. PostgreSQL crashes under load and is back after ${OUTAGE_S} s (${CLIENTS} clients)`);
  const app = await startApp(url);
  let stopLoad = false;
  const tally = newTally();
  const loading = load(app.port, 'restart', () => stopLoad, tally);
  const health = pollHealth(app.port, () => stopLoad);

  await warmUp(tally);
  const acksBefore = tally.acknowledged.size;
  const downAt = Date.now();
  cluster.stop('immediate');
  await sleep(OUTAGE_S * 1_000);
  cluster.start();
  const upAt = Date.now();
  await sleep(5_000);
  stopLoad = true;
  await Promise.all([loading, health.done]);

  const during = health.answers.filter((a) => a.at >= downAt && a.at < upAt);
  const recoveredHealth = health.answers.find((a) => a.at >= upAt && a.status === 200);
  const firstAckAfter = tally.ackTimes.filter((t) => t > upAt).sort((a, b) => a - b)[0];
  const acksAfter = tally.ackTimes.filter((t) => t > upAt).length;
  app.child.kill('SIGTERM');
  await once(app.child, 'exit');

  const stored = await storedMarkers(url, 'restart');
  const ok = verdict(tally, stored);
  const health503 = during.filter((a) => a.status === 503).length;
  console.log(`  database down        ${((upAt - downAt) / 1000).toFixed(1)} s (pg_ctl stop -m immediate … start)`);
  console.log(
    `  /api/health          ${health503} × 503 of ${during.length} polls while down; 200 again ${recoveredHealth ? `${((recoveredHealth.at - upAt) / 1000).toFixed(1)} s after restart` : 'NEVER'}`,
  );
  console.log(
    `  ingest outage        no 202 for ${firstAckAfter ? ((firstAckAfter - downAt) / 1000).toFixed(1) : '∞'} s; ${acksBefore} hits acknowledged before the crash, ${acksAfter} after the restart (reconnected by itself)`,
  );
  return ok && health503 > 0 && during.every((a) => a.status !== 200) && Boolean(recoveredHealth) && acksAfter > 0;
}

async function gracefulStop(url: string): Promise<boolean> {
  console.log(`\n2. The app gets SIGTERM under load (${CLIENTS} clients)`);
  const app = await startApp(url);
  let stopLoad = false;
  const tally = newTally();
  const loading = load(app.port, 'sigterm', () => stopLoad, tally);
  await warmUp(tally);
  const health = pollHealth(app.port, () => stopLoad);
  const termAt = Date.now();
  app.child.kill('SIGTERM');
  const [code] = (await once(app.child, 'exit')) as [number | null];
  const exitedAt = Date.now();
  await sleep(500); // clients now meet a closed port
  stopLoad = true;
  await Promise.all([loading, health.done]);
  const stored = await storedMarkers(url, 'sigterm');
  const ok = verdict(tally, stored);
  const draining = health.answers.filter((a) => a.at >= termAt && a.at < exitedAt);
  const said503 = draining.filter((a) => a.status === 503).length;
  console.log(`  exit                 code ${code}, ${exitedAt - termAt} ms after SIGTERM (grace, then queue drained)`);
  console.log(
    `  /api/health          ${said503} × 503 ("draining") of ${draining.length} polls between SIGTERM and exit`,
  );
  if (code !== 0) console.log(app.output().slice(-2_000));
  return ok && code === 0 && said503 > 0 && draining.every((a) => a.status !== 200);
}

async function main() {
  console.log('Throw-away PostgreSQL cluster (initdb in a temporary folder, own port)…');
  const cluster = await ThrowawayPostgres.create();
  const cleanup = () => cluster.destroy();
  process.on('SIGINT', () => {
    cleanup();
    process.exit(130);
  });
  try {
    const url = cluster.url;
    await migrate({ url });
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query(
      `WITH team AS (INSERT INTO "Team" (id, name, "updatedAt") VALUES ('faults', 'Faults', now()) RETURNING id)
       INSERT INTO "Site" (id, "teamId", domain, "updatedAt") SELECT 'faults-site', id, $1, now() FROM team`,
      [SITE],
    );
    await client.end();
    console.log(`  ${url.replace(/\/\/.*@/, '//')} in ${cluster.dir}`);

    const restartOk = await databaseRestart(cluster, url);
    const sigtermOk = await gracefulStop(url);
    console.log(
      `\n${restartOk && sigtermOk ? 'PASS' : 'FAIL'}: every acknowledged hit stored, health and recovery as expected`,
    );
    if (!restartOk || !sigtermOk) process.exitCode = 1;
  } finally {
    cleanup();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
