// `npm run db:seed`: adds the demo account and traffic to an empty database.
import { createDatabase, createPool } from '@/lib/db/client';
import { migrate } from '@/lib/db/migrate';
import { DEMO_EMAIL, DEMO_PASSWORD, seedDemo } from '@/prisma/seed';

import { exitOnError, openDatabase } from './database';

async function main() {
  const { url, embedded } = await openDatabase();
  const pool = createPool({ url, max: 1 });
  const db = createDatabase({ url }, pool);
  try {
    await migrate({ url });
    const seeded = await seedDemo(db, pool);
    console.log(
      seeded
        ? `Demo data created. Sign in as ${DEMO_EMAIL} / ${DEMO_PASSWORD}`
        : 'Database already has users; nothing seeded.',
    );
  } finally {
    await db.$disconnect();
    await pool.end();
    await embedded?.stop();
  }
}

main().catch(exitOnError);
