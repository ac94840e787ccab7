// Re-encrypts every stored secret envelope with the newest key in ENCRYPTION_KEYS (run by
// `npm run secrets:rotate`). Safe to repeat and to run while the app serves: a row is updated only
// if it still holds the envelope that was read.
import { isStale, keyring, reencrypt, type Keyring } from '@/lib/crypto/envelope';
import type { Database } from '@/lib/db/client';

import { secretContext } from './totp';

export async function rotateSecrets(db: Database, ring: Keyring = keyring()): Promise<number> {
  let rotated = 0;
  const users = await db.user.findMany({
    where: { OR: [{ totpSecret: { not: null } }, { totpPendingSecret: { not: null } }] },
    select: { id: true, totpSecret: true, totpPendingSecret: true },
  });
  for (const user of users) {
    for (const column of ['totpSecret', 'totpPendingSecret'] as const) {
      const envelope = user[column];
      if (!envelope || !isStale(envelope, ring)) continue;
      const { count } = await db.user.updateMany({
        where: { id: user.id, [column]: envelope },
        data: { [column]: reencrypt(envelope, secretContext(user.id), ring) },
      });
      rotated += count;
    }
  }
  return rotated;
}
