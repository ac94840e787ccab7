// `npm run db:migrate`: applies pending migrations to DATABASE_URL (or the embedded database).
import { migrate } from '@/lib/db/migrate';

import { exitOnError, openDatabase } from './database';

async function main() {
  const { url, embedded } = await openDatabase();
  try {
    const result = await migrate({ url });
    console.log(
      result.applied.length
        ? `Applied ${result.applied.length} migration(s): ${result.applied.join(', ')}`
        : `Database is up to date (${result.alreadyApplied.length} migration(s) applied earlier).`,
    );
  } finally {
    await embedded?.stop();
  }
}

main().catch(exitOnError);
