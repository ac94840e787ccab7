// `npm run restore -- <file> [--clean]`: loads a backup made by `npm run backup` into DATABASE_URL.
// Refuses a database that has tables unless --clean, which first saves them to BACKUP_DIR and then
// replaces them in one transaction. Stop the app servers first; `npm start` migrates afterwards.
import { BackupError } from '@/lib/backup/pg-tools';
import { restoreDatabase } from '@/lib/backup/restore-database';
import { config } from '@/lib/config';

import { exitOnError } from './database';

const USAGE = 'usage: npm run restore -- <backup file> [--clean]';

async function main() {
  const args = process.argv.slice(2);
  const files = args.filter((arg) => !arg.startsWith('--'));
  const unknown = args.filter((arg) => arg.startsWith('--') && arg !== '--clean');
  if (files.length !== 1 || unknown.length) throw new BackupError(USAGE);
  const { DATABASE_URL, BACKUP_DIR } = config();
  if (!DATABASE_URL) {
    throw new BackupError('npm run restore needs DATABASE_URL: the PostgreSQL database to restore into.');
  }
  const result = await restoreDatabase({
    url: DATABASE_URL,
    file: files[0]!,
    clean: args.includes('--clean'),
    backupDir: BACKUP_DIR,
  });
  if (result.safetyBackup) console.log(`The database's previous contents were saved to ${result.safetyBackup.file}`);
  console.log(`Restored ${files[0]} (${result.tables} tables) in ${result.seconds.toFixed(1)}s.`);
  console.log('Start Glance as usual: `npm start` applies any migrations newer than the backup.');
}

main().catch(exitOnError);
