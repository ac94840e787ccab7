// `npm run backup`: the whole database as one pg_dump archive (custom format, compressed), written
// under a temporary name and renamed when complete, so a file with the final name is always whole.
import { chmod, mkdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';

import { BackupError, checkToolFor, runTool, tail } from './pg-tools';

export interface BackupResult {
  file: string;
  bytes: number;
  seconds: number;
}

/** "2026-11-23T16:45:00.123Z" → "20261123T164500Z": sorts by time, safe in any file system. */
const stamp = (at: Date) => at.toISOString().replace(/[-:]/g, '').replace(/\.\d+/, '');

export async function backupDatabase(options: {
  url: string;
  dir: string;
  now?: Date;
  /** Put in the file name, e.g. "pre-restore" for the safety copy taken before a --clean restore. */
  label?: string;
}): Promise<BackupResult> {
  const started = performance.now();
  const { database } = await checkToolFor('pg_dump', options.url);
  // Backups hold every customer's data: only the owner may read the folder and the files.
  await mkdir(options.dir, { recursive: true, mode: 0o700 });
  const name = ['glance', database, options.label, stamp(options.now ?? new Date())].filter(Boolean).join('-');
  const file = path.resolve(options.dir, `${name.replace(/[^\w.-]/g, '_')}.dump`);
  const partial = `${file}.partial`;
  const result = await runTool(
    'pg_dump',
    ['--format=custom', '--compress=6', '--no-password', `--file=${partial}`],
    options.url,
  );
  if (result.code !== 0) {
    await rm(partial, { force: true });
    throw new BackupError(`pg_dump failed:\n${tail(result.stderr)}`);
  }
  await chmod(partial, 0o600);
  await rename(partial, file);
  return { file, bytes: (await stat(file)).size, seconds: (performance.now() - started) / 1000 };
}
