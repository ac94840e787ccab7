// Sensitive account changes ask for the current password again (ASVS 7.5.1), with the same
// back-off as sign-in so a stolen session cannot be used to guess the password.
import { Unauthorized } from '@/lib/errors';
import { assertNotBackedOff, clearBackoff, recordFailureForBackoff } from '@/lib/ratelimit/auth-limits';
import { subjectKey } from '@/lib/ratelimit/subject-key';

import type { AccountContext } from './account-context';
import { verifyPassword } from './password';

export const WRONG_CURRENT_PASSWORD = 'Your current password is not correct.';

export async function reauthenticate(ctx: AccountContext, userId: string, password: unknown): Promise<void> {
  const user = await ctx.db.user.findUniqueOrThrow({
    where: { id: userId },
    select: { email: true, passwordHash: true },
  });
  const key = subjectKey('email', user.email);
  await assertNotBackedOff(key);
  const ok =
    typeof password === 'string' && password.length <= 1024 && user.passwordHash !== null
      ? await verifyPassword(user.passwordHash, password)
      : false;
  if (!ok) {
    await recordFailureForBackoff(key);
    throw new Unauthorized(WRONG_CURRENT_PASSWORD);
  }
  await clearBackoff(key);
}
