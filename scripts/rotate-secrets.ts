// `npm run secrets:rotate`: re-encrypts stored secrets with the newest key in ENCRYPTION_KEYS.
// Rotation: append a new id:key pair, restart the app, run this, then remove the old pair.
import { rotateSecrets } from '@/lib/auth/rotate-secrets';
import { keyring } from '@/lib/crypto/envelope';
import { createDatabase, createPool } from '@/lib/db/client';

import { exitOnError, openDatabase } from './database';

async function main() {
  const { url, embedded } = await openDatabase();
  const pool = createPool({ url, max: 1 });
  const db = createDatabase({ url }, pool);
  try {
    const count = await rotateSecrets(db);
    console.log(`Re-encrypted ${count} secret(s) with key "${keyring().currentId}".`);
  } finally {
    await db.$disconnect();
    await pool.end();
    await embedded?.stop();
  }
}

main().catch(exitOnError);
