// `npm run retention`: runs the retention job once against DATABASE_URL (or the embedded database)
// and prints what it deleted. For cron when RETENTION_INTERVAL_MINUTES=0; safe next to running
// servers (an advisory lock lets one run at a time: a second one says so and does nothing).
import { createDatabase, createPool } from '@/lib/db/client';
import { EMBEDDED_POOL_MAX } from '@/lib/db/embedded';
import { runRetentionExclusively } from '@/lib/retention/schedule';

import { exitOnError, openDatabase } from './database';

async function main() {
  const { url, embedded } = await openDatabase();
  const pool = createPool({ url, max: embedded ? EMBEDDED_POOL_MAX : 2 });
  const db = createDatabase({ url }, pool);
  try {
    const started = Date.now();
    const report = await runRetentionExclusively({ db, pool, url }, new Date());
    if (!report) {
      console.log('Another process is running the retention job right now; nothing done.');
      return;
    }
    const rows: [string, number][] = [
      ['events', report.events],
      ['visits', report.visits],
      ['daily salts', report.salts],
      ['user sessions', report.sessions],
      ['API tokens', report.apiTokens],
      ['audit entries', report.auditEntries],
    ];
    console.log(`Retention job finished in ${((Date.now() - started) / 1000).toFixed(1)}s. Deleted:`);
    for (const [what, count] of rows) console.log(`  ${what.padEnd(14)} ${count.toLocaleString('en-US').padStart(12)}`);
  } finally {
    await db.$disconnect();
    await pool.end();
    await embedded?.stop();
  }
}

main().catch(exitOnError);
