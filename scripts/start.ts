// `npm start`: generate the client, prepare the database (embedded unless DATABASE_URL is set),
// migrate, seed demo data into an empty database, build, and serve on APP_URL's port.
// Flags: --dev (next dev instead of a production build), --no-build (serve the existing build).
import { spawn, spawnSync } from 'node:child_process';

import { config } from '@/lib/config';
import { createDatabase, createPool } from '@/lib/db/client';
import { EMBEDDED_POOL_MAX } from '@/lib/db/embedded';
import { migrate } from '@/lib/db/migrate';
import { startMailSink, type SunkMessage } from '@/lib/email/sink';
import { DEMO_EMAIL, DEMO_PASSWORD, seedDemo } from '@/prisma/seed';

import { exitOnError, openDatabase } from './database';

const flags = new Set(process.argv.slice(2));
// Glance is a privacy product: its own tooling does not phone home either.
process.env.NEXT_TELEMETRY_DISABLED ??= '1';

function run(command: string, args: string[]) {
  const result = spawnSync(command, args, { stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed`);
}

async function waitUntilHealthy(url: string, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return true;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return false;
}

function printMail(message: SunkMessage) {
  console.log(`\n✉  To: ${message.to.join(', ')}\n   Subject: ${message.subject}\n\n${message.text}\n`);
}

async function main() {
  const settings = config();
  const { url, embedded } = await openDatabase();
  console.log(embedded ? `Embedded PostgreSQL (PGlite) in ${settings.EMBEDDED_DB_DIR}` : 'Using DATABASE_URL');

  const result = await migrate({ url });
  if (result.applied.length) console.log(`Applied migrations: ${result.applied.join(', ')}`);
  let demo = false;
  if (settings.demoData) {
    const pool = createPool({ url, max: 1 });
    const db = createDatabase({ url }, pool);
    try {
      await seedDemo(db, pool);
      demo = (await db.user.count({ where: { email: DEMO_EMAIL } })) > 0;
    } finally {
      await db.$disconnect();
      await pool.end();
    }
  }

  const dev = flags.has('--dev');
  // The same build as `npm run build` (tracker, then app); `next dev` builds the app itself.
  if (!flags.has('--no-build')) run('npm', ['run', '--silent', dev ? 'build:tracker' : 'build']);

  // Outside production, without SMTP_URL, mail goes to a local sink and is printed here.
  const sink = settings.SMTP_URL || settings.isProduction ? null : await startMailSink({ onMessage: printMail });
  if (sink) console.log(`No SMTP_URL: emails go to a local mail sink (${sink.url}) and are printed here.`);

  const child = spawn('node_modules/.bin/tsx', ['scripts/server.ts', ...(dev ? ['--dev'] : [])], {
    stdio: 'inherit',
    env: {
      ...process.env,
      ...(sink ? { SMTP_URL: sink.url } : {}),
      DATABASE_URL: url,
      DATABASE_POOL_MAX: embedded ? String(EMBEDDED_POOL_MAX) : String(settings.DATABASE_POOL_MAX),
      NODE_ENV: dev ? 'development' : 'production',
    },
  });
  const stop = (signal: NodeJS.Signals) => child.kill(signal);
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);

  const local = `http://localhost:${settings.PORT}`;
  void waitUntilHealthy(`${local}/api/health`).then((healthy) => {
    if (!healthy) return;
    console.log(`\n  Glance is running at ${local}`);
    if (demo) console.log(`  Demo login: ${DEMO_EMAIL} / ${DEMO_PASSWORD}\n`);
  });

  const code = await new Promise<number>((resolve) => child.on('exit', (exit) => resolve(exit ?? 0)));
  await sink?.stop();
  await embedded?.stop();
  process.exit(code);
}

main().catch(exitOnError);
