// `npm run bench:ingest`: loopback load on POST /api/event against the production build, and the same
// load in the same run against a bare Node server answering 204 (the ceiling). Reports hits/s,
// p50/p99 latency and rows committed per second, and checks every acknowledged hit is in PostgreSQL.
// Needs `npm run build` first. Uses DATABASE_URL's server (a scratch database is created on it and
// dropped) or, without it, the local PostgreSQL at 127.0.0.1:5432.
// Each target first gets --warmup seconds of the same load (JIT, GeoIP data, the day's salt, Next.js's
// background preloading), not counted in hits/s. CPU time per hit of the target, of its PostgreSQL
// backends and of the load generator is read from /proc (Linux, local PostgreSQL): steadier than
// hits/s on a machine shared with other work.
// Options: --duration=10 (seconds per target), --warmup=2, --connections=50, --hits-per-visit=1 (above 1,
// each visitor's hits come 2,000 requests apart, so most continue a visit stored by an earlier batch);
// BENCH_CPU_PROFILE=DIR profiles the app.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';

import autocannon from 'autocannon';
import pg from 'pg';

import { createDatabase } from '@/lib/db/client';
import { migrate } from '@/lib/db/migrate';

const arg = (name: string, fallback: number) =>
  Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
const DURATION = arg('duration', 10);
const WARMUP = arg('warmup', 2);
const CONNECTIONS = arg('connections', 50);
const HITS_PER_VISIT = arg('hits-per-visit', 1);
/** Visitors whose hits interleave: a visitor's next hit comes this many requests after the last. */
const INTERLEAVED_VISITORS = 2_000;
const SITES = 10;
const UA = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36';

async function scratchDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const server = new URL(process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres');
  const name = `glance_bench_${Date.now()}`;
  const admin = new pg.Client({ connectionString: server.toString() });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(server);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: server.toString() });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

async function startProcess(
  command: string,
  args: string[],
  env: Record<string, string>,
  ready: RegExp,
): Promise<ChildProcess> {
  const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  let seen = '';
  child.stdout!.on('data', (chunk: Buffer) => (seen += chunk.toString()));
  const deadline = Date.now() + 60_000;
  while (!ready.test(seen)) {
    if (Date.now() > deadline || child.exitCode !== null) throw new Error(`${command} did not start:\n${seen}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return child;
}

async function stop(child: ChildProcess) {
  child.kill('SIGTERM');
  if (child.exitCode === null) await once(child, 'exit');
}

/** CPU seconds (user + system, all threads) a process has used, or null where /proc cannot tell. */
function cpuSeconds(pid: number | undefined): number | null {
  if (!pid || !existsSync(`/proc/${pid}/stat`)) return null;
  // Fields after the command name: utime and stime are the 12th and 13th, in clock ticks (100 Hz).
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** CPU seconds used so far by the PostgreSQL backends connected to `database` (local server only). */
async function backendCpuSeconds(admin: pg.Client, database: string): Promise<number | null> {
  const { rows } = await admin.query<{ pid: number }>(
    'SELECT pid FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
    [database],
  );
  const each = rows.map((row) => cpuSeconds(row.pid));
  return each.includes(null) ? null : (each as number[]).reduce((sum, seconds) => sum + seconds, 0);
}

let sent = 0;
async function load(url: string, duration: number) {
  const result = await autocannon({
    url,
    method: 'POST',
    connections: CONNECTIONS,
    duration,
    headers: { 'content-type': 'text/plain', 'user-agent': UA },
    requests: [
      {
        setupRequest: (request) => {
          const n = ++sent;
          // Visitors (distinct addresses via the one trusted proxy hop) spread over several sites; with
          // several hits per visit, blocks of INTERLEAVED_VISITORS visitors each send one hit in turn.
          const block = INTERLEAVED_VISITORS * HITS_PER_VISIT;
          const v = Math.floor((n - 1) / block) * INTERLEAVED_VISITORS + ((n - 1) % INTERLEAVED_VISITORS) + 1;
          const first = (n - 1) % block < INTERLEAVED_VISITORS;
          const ip = `10.${(v >> 16) & 255}.${(v >> 8) & 255}.${v & 255}`;
          const site = `bench${v % SITES}.example.com`;
          return {
            ...request,
            headers: { ...request.headers, 'x-forwarded-for': ip },
            body: JSON.stringify({
              n: 'pageview',
              u: `https://${site}/page/${n % 50}`,
              d: site,
              r: first ? 'https://www.google.com/' : `https://${site}/`,
              w: 1280,
            }),
          };
        },
      },
    ],
  });
  return {
    hitsPerSecond: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    acknowledged: result['2xx'],
    errors: result.non2xx + result.errors + result.timeouts,
  };
}

/**
 * Warms the target up, then measures: load figures, rows committed meanwhile (when `rows` can count
 * them) and CPU time per acknowledged hit. `acknowledgedInAll` includes the warm-up's.
 */
async function measure(
  url: string,
  pid: number | undefined,
  backends: () => Promise<number | null>,
  rows: () => Promise<number> = async () => 0,
) {
  const warmUp = WARMUP > 0 ? await load(url, WARMUP) : null;
  const [target0, backends0, generator0, rows0] = [cpuSeconds(pid), await backends(), process.cpuUsage(), await rows()];
  const started = Date.now();
  const result = await load(url, DURATION);
  const seconds = (Date.now() - started) / 1000;
  const [target1, backends1, generator1, rows1] = [
    cpuSeconds(pid),
    await backends(),
    process.cpuUsage(generator0),
    await rows(),
  ];
  const perHit = (seconds: number | null) =>
    seconds === null || result.acknowledged === 0 ? null : Math.round((seconds * 1e6) / result.acknowledged);
  return {
    ...result,
    acknowledgedInAll: result.acknowledged + (warmUp?.acknowledged ?? 0),
    rowsPerSecond: (rows1 - rows0) / seconds,
    cpuMicrosecondsPerHit: {
      target: perHit(target0 === null || target1 === null ? null : target1 - target0),
      postgres: perHit(backends0 === null || backends1 === null ? null : backends1 - backends0),
      loadGenerator: perHit((generator1.user + generator1.system) / 1e6),
    },
  };
}

async function main() {
  // Fixed loopback ports, so both targets are reachable before the load begins.
  const port = 3900;
  const reference = await startProcess(
    process.execPath,
    ['--import', 'tsx', 'bench/bare-server.ts', String(port)],
    {},
    /listening/,
  );
  console.log(`Reference: bare Node HTTP server, ${CONNECTIONS} connections, ${WARMUP} s warm-up + ${DURATION} s`);
  const bareResult = await measure(`http://127.0.0.1:${port}/api/event`, reference.pid, async () => 0);
  await stop(reference);

  const database = await scratchDatabase();
  try {
    await migrate({ url: database.url });
    const db = createDatabase({ url: database.url, max: 1 });
    const team = await db.team.create({ data: { name: 'Bench' } });
    await db.site.createMany({
      data: Array.from({ length: SITES }, (_, i) => ({ teamId: team.id, domain: `bench${i}.example.com` })),
    });

    const appPort = 3901;
    const profile = process.env.BENCH_CPU_PROFILE
      ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROFILE}`]
      : [];
    const app = await startProcess(
      process.execPath,
      [...profile, '--import', 'tsx', 'scripts/server.ts'],
      {
        PORT: String(appPort),
        DATABASE_URL: database.url,
        TRUST_PROXY_HOPS: '1',
        LOG_LEVEL: 'warn',
        NODE_ENV: 'production',
        APP_URL: `http://localhost:${appPort}`,
        // The periodic jobs stay off: the rollup job builds today's part once a site has 1,000 visits
        // today, seconds of PostgreSQL time that would land inside the measured window on some runs.
        ROLLUP_INTERVAL_MINUTES: '0',
        RETENTION_INTERVAL_MINUTES: '0',
      },
      /listening on/,
    );
    console.log(
      `Glance: POST /api/event, group commit to PostgreSQL, ${CONNECTIONS} connections, ${HITS_PER_VISIT} hit(s) per visit, ${WARMUP} s warm-up + ${DURATION} s`,
    );
    const admin = new pg.Client({ connectionString: database.url });
    await admin.connect();
    const glanceResult = await measure(
      `http://127.0.0.1:${appPort}/api/event`,
      app.pid,
      () => backendCpuSeconds(admin, new URL(database.url).pathname.slice(1)),
      () => db.event.count(),
    );
    await admin.end();
    await stop(app); // SIGTERM drains the queue: everything acknowledged is committed before exit
    const rows = await db.event.count();
    const visits = await db.visit.count();
    await db.$disconnect();

    const report = {
      date: new Date().toISOString(),
      connections: CONNECTIONS,
      durationSeconds: DURATION,
      hitsPerVisit: HITS_PER_VISIT,
      warmUpSeconds: WARMUP,
      bare: bareResult,
      glance: { ...glanceResult, rowsCommitted: rows, visits },
      ratio: glanceResult.hitsPerSecond / bareResult.hitsPerSecond,
      lostAcknowledgedHits: Math.max(0, glanceResult.acknowledgedInAll - rows),
    };
    const line = (name: string, r: { hitsPerSecond: number; p50Ms: number; p99Ms: number; errors: number }) =>
      `${name.padEnd(8)} ${r.hitsPerSecond.toFixed(0).padStart(7)} req/s   p50 ${String(r.p50Ms).padStart(4)} ms   p99 ${String(r.p99Ms).padStart(4)} ms   non-2xx/errors ${r.errors}`;
    console.log(`\n${line('bare', bareResult)}\n${line('glance', glanceResult)}`);
    console.log(
      `glance: ${rows} rows committed (${glanceResult.rowsPerSecond.toFixed(0)} rows/s while measured) in ${visits} visits, ${glanceResult.acknowledgedInAll} acknowledged with the warm-up, lost: ${report.lostAcknowledgedHits}`,
    );
    const cpu = (name: string, c: (typeof glanceResult)['cpuMicrosecondsPerHit']) =>
      `${name.padEnd(8)} CPU µs per hit: server ${c.target ?? '?'}, PostgreSQL ${c.postgres ?? '?'}, load generator ${c.loadGenerator ?? '?'}`;
    console.log(
      `${cpu('bare', bareResult.cpuMicrosecondsPerHit)}\n${cpu('glance', glanceResult.cpuMicrosecondsPerHit)}`,
    );
    console.log(`ratio glance / bare: ${(report.ratio * 100).toFixed(1)}%`);
    mkdirSync('bench/results', { recursive: true });
    writeFileSync(`bench/results/ingest-${Date.now()}.json`, JSON.stringify(report, null, 2));
    if (report.lostAcknowledgedHits > 0) process.exitCode = 1;
  } finally {
    await database.drop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
