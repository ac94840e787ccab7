// Runs a command with DATABASE_URL set: the configured PostgreSQL, or a throw-away in-memory PGlite.
// Usage: tsx scripts/with-database.ts <command> [args...]
import { spawn } from 'node:child_process';

import { exitOnError, openDatabase } from './database';

async function main() {
  const [command, ...args] = process.argv.slice(2);
  if (!command) throw new Error('usage: with-database <command> [args...]');
  const { url, embedded } = await openDatabase({ inMemory: true });
  const child = spawn(command, args, { stdio: 'inherit', env: { ...process.env, DATABASE_URL: url }, shell: false });
  const code = await new Promise<number>((resolve) =>
    child.on('exit', (exit, signal) => resolve(exit ?? (signal ? 1 : 0))),
  );
  await embedded?.stop();
  process.exit(code);
}

main().catch(exitOnError);
