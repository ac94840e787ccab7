// `npm run restore -- <file>`: loads a backup made by `npm run backup` into DATABASE_URL.
// Safe by default: it refuses a database that already has tables. With `clean`, it first saves the
// current contents (a "pre-restore" backup), then replaces them in one transaction, so a restore
// that fails half-way leaves the database as it was.
import { access } from 'node:fs/promises';

import pg from 'pg';

import { backupDatabase, type BackupResult } from './backup-database';
import { BackupError, checkToolFor, runTool, tail } from './pg-tools';

export interface RestoreResult {
  /** The copy of what the database held before a clean restore. */
  safetyBackup: BackupResult | null;
  tables: number;
  seconds: number;
}

/** Tables outside PostgreSQL's own schemas: the database counts as empty when there are none. */
async function userTables(url: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ name: string }>(
      `SELECT format('%I.%I', table_schema, table_name) AS name FROM information_schema.tables
        WHERE table_schema NOT IN ('pg_catalog', 'information_schema') AND table_schema NOT LIKE 'pg\\_%'
        ORDER BY 1`,
    );
    return rows.map((row) => row.name);
  } finally {
    await client.end();
  }
}

export async function restoreDatabase(options: {
  url: string;
  file: string;
  /** Replace what the database holds (after saving it to `backupDir`). */
  clean?: boolean;
  backupDir: string;
}): Promise<RestoreResult> {
  const started = performance.now();
  await access(options.file).catch(() => {
    throw new BackupError(`${options.file} does not exist or cannot be read.`);
  });
  await checkToolFor('pg_restore', options.url);
  const list = await runTool('pg_restore', ['--list', options.file]);
  if (list.code !== 0) {
    throw new BackupError(
      `${options.file} is not a backup made by npm run backup (pg_restore: ${tail(list.stderr, 1)})`,
    );
  }

  const existing = await userTables(options.url);
  let safetyBackup: BackupResult | null = null;
  if (existing.length > 0) {
    if (!options.clean) {
      throw new BackupError(
        `The database is not empty (${existing.length} tables, e.g. ${existing.slice(0, 3).join(', ')}). ` +
          'Restore into an empty database (createdb glance_restored; DATABASE_URL=…/glance_restored npm run restore -- FILE), ' +
          'or add --clean to replace its contents (they are saved to BACKUP_DIR first).',
      );
    }
    safetyBackup = await backupDatabase({ url: options.url, dir: options.backupDir, label: 'pre-restore' });
  }

  const args = ['--no-owner', '--exit-on-error', '--single-transaction', '--no-password'];
  if (options.clean) args.push('--clean', '--if-exists');
  const result = await runTool('pg_restore', [...args, options.file], options.url);
  if (result.code !== 0) {
    const kept = safetyBackup ? ` Its previous contents are also saved in ${safetyBackup.file}.` : '';
    throw new BackupError(`pg_restore failed; nothing was changed (one transaction).${kept}\n${tail(result.stderr)}`);
  }
  return {
    safetyBackup,
    tables: (await userTables(options.url)).length,
    seconds: (performance.now() - started) / 1000,
  };
}
