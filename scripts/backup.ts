// `npm run backup`: writes the database in DATABASE_URL to BACKUP_DIR as one compressed pg_dump
// archive, glance-<database>-<UTC time>.dump. See README "Backups" for scheduling and restoring.
import { backupDatabase } from '@/lib/backup/backup-database';
import { BackupError } from '@/lib/backup/pg-tools';
import { config } from '@/lib/config';

import { exitOnError } from './database';

async function main() {
  const { DATABASE_URL, BACKUP_DIR } = config();
  if (!DATABASE_URL) {
    throw new BackupError(
      'npm run backup needs DATABASE_URL. The embedded database (EMBEDDED_DB_DIR) is for trying Glance out: to keep it, stop Glance and copy that folder.',
    );
  }
  const backup = await backupDatabase({ url: DATABASE_URL, dir: BACKUP_DIR });
  const size = backup.bytes >= 1e6 ? `${(backup.bytes / 1e6).toFixed(1)} MB` : `${(backup.bytes / 1e3).toFixed(1)} kB`;
  console.log(`Backup written: ${backup.file} (${size} in ${backup.seconds.toFixed(1)}s)`);
}

main().catch(exitOnError);
