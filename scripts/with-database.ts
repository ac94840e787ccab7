// Runs a command with DATABASE_URL set: the configured PostgreSQL, or a throw-away in-memory PGlite.
// Usage: tsx scripts/with-database.ts <command> [args...]
import { spawn } from 'node:child_process';

import { EMBEDDED_POOL_MAX } from '@/lib/db/embedded';

import { exitOnError, openDatabase } from './database';

async function main() {
  const [command, ...args] = process.argv.slice(2);
  if (!command) throw new Error('usage: with-database <command> [args...]');
  const { url, embedded } = await openDatabase({ inMemory: true });
  const env = {
    ...process.env,
    DATABASE_URL: url,
    ...(embedded ? { DATABASE_POOL_MAX: String(EMBEDDED_POOL_MAX) } : {}),
  };
  const child = spawn(command, args, { stdio: 'inherit', env, shell: false });
  const code = await new Promise<number>((resolve) =>
    child.on('exit', (exit, signal) => resolve(exit ?? (signal ? 1 : 0))),
  );
  await embedded?.stop();
  process.exit(code);
}

main().catch(exitOnError);
