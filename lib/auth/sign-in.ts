// The password step of signing in (SECURITY-NOTES.md "Auth stack"): rate limits per IP and
// back-off per address, argon2id against a dummy hash for unknown addresses (equal timing), an
// audit row per failure, and on success a login challenge that the second step completes.
import { z } from 'zod';

import { recordAudit } from '@/lib/audit/record-audit';
import { Forbidden, RateLimited, Unauthorized } from '@/lib/errors';
import {
  assertNotBackedOff,
  assertWithinLimit,
  clearBackoff,
  consumeLimit,
  recordFailureForBackoff,
} from '@/lib/ratelimit/auth-limits';
import { subjectKey } from '@/lib/ratelimit/subject-key';

import { nowOf, type AccountContext, type RequestMeta } from './account-context';
import { emailSchema } from './email-schema';
import { createLoginChallenge } from './login-challenge';
import { hashPassword, verifyPassword } from './password';
import { sendVerificationEmail } from './verify-email';

export const WRONG_CREDENTIALS = 'That email and password do not match an account.';

const credentialsSchema = z.object({ email: emailSchema, password: z.string().min(1).max(1024) });

// Verifying against a real argon2id hash when the user does not exist keeps response times equal,
// so timing does not reveal which emails have accounts.
let dummyHash: Promise<string> | undefined;
const getDummyHash = () => (dummyHash ??= hashPassword('not-a-real-password-just-for-timing'));

export interface PasswordStepResult {
  /** For the __Host- login cookie. */
  challengeToken: string;
  needsSecondFactor: boolean;
}

export async function startPasswordSignIn(
  ctx: AccountContext,
  input: unknown,
  meta: RequestMeta,
): Promise<PasswordStepResult> {
  const parsed = credentialsSchema.safeParse(input);
  const email = parsed.success ? parsed.data.email : '';
  const ipKey = subjectKey('ip', meta.ip);
  const emailKey = subjectKey('email', email);
  await assertWithinLimit('signInFailuresPerIp', ipKey);
  await assertNotBackedOff(emailKey);

  const user = parsed.success
    ? await ctx.db.user.findUnique({
        where: { email },
        select: { id: true, passwordHash: true, emailVerifiedAt: true, totpEnabledAt: true },
      })
    : null;
  const ok = await verifyPassword(
    user?.passwordHash ?? (await getDummyHash()),
    parsed.success ? parsed.data.password : '',
  );
  if (!user || !user.passwordHash || !ok) {
    await recordAudit(ctx.db, {
      action: 'user.sign_in_failed',
      actorId: user?.id ?? null,
      metadata: { step: 'password' },
    });
    await consumeLimit('signInFailuresPerIp', ipKey).catch(ignoreRateLimited);
    await recordFailureForBackoff(emailKey);
    throw new Unauthorized(WRONG_CREDENTIALS);
  }
  await clearBackoff(emailKey);
  if (!user.emailVerifiedAt) {
    // Only someone who knows the password gets here, so saying so reveals nothing new.
    await sendVerificationEmail(ctx, email, meta).catch(ignoreRateLimited);
    throw new Forbidden('Please confirm your email address first: we have sent you a new link.');
  }
  const needsSecondFactor = Boolean(user.totpEnabledAt);
  const challengeToken = await createLoginChallenge(ctx.db, { userId: user.id, needsSecondFactor }, nowOf(ctx));
  return { challengeToken, needsSecondFactor };
}

function ignoreRateLimited(error: unknown) {
  if (!(error instanceof RateLimited)) throw error;
}
