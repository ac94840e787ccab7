// The sign-in between the password and the second factor. The password step stores a challenge
// (random token in a __Host- cookie, SHA-256 here); the second step consumes it exactly once,
// within five minutes, and five wrong codes end it (ASVS 6.5.5, 6.6.3).
import { randomBytes } from 'node:crypto';

import { recordAudit } from '@/lib/audit/record-audit';
import type { Database } from '@/lib/db/client';
import { Unauthorized } from '@/lib/errors';
import { assertWithinLimit, consumeLimit } from '@/lib/ratelimit/auth-limits';
import { subjectKey } from '@/lib/ratelimit/subject-key';

import { nowOf, type AccountContext, type RequestMeta } from './account-context';
import { hashToken } from './email-tokens';
import type { Factor } from './sessions';

export const LOGIN_CHALLENGE_TTL_SECONDS = 5 * 60;
export const LOGIN_CHALLENGE_MAX_FAILURES = 5;
export const CHALLENGE_GONE = 'This sign-in has expired. Please enter your email and password again.';

export async function createLoginChallenge(
  db: Database,
  input: { userId: string; needsSecondFactor: boolean },
  now: Date,
): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await db.loginChallenge.create({
    data: {
      userId: input.userId,
      needsSecondFactor: input.needsSecondFactor,
      tokenHash: hashToken(token),
      expiresAt: new Date(now.getTime() + LOGIN_CHALLENGE_TTL_SECONDS * 1000),
    },
  });
  return token;
}

/** Checks one second-factor answer for the user; returns the factor it proved, or null. */
export type SecondFactorCheck = (
  db: Database,
  userId: string,
  answer: { code?: string; recoveryCode?: string },
  now: Date,
) => Promise<Factor | null>;

export interface CompletedSignIn {
  userId: string;
  factors: Factor[];
}

export async function completeSignIn(
  ctx: AccountContext,
  input: { challengeToken: string | null; code?: string; recoveryCode?: string },
  meta: RequestMeta,
  checkSecondFactor: SecondFactorCheck,
): Promise<CompletedSignIn> {
  const now = nowOf(ctx);
  const live = { consumedAt: null, expiresAt: { gt: now }, failedAttempts: { lt: LOGIN_CHALLENGE_MAX_FAILURES } };
  const challenge = input.challengeToken
    ? await ctx.db.loginChallenge.findFirst({
        where: { tokenHash: hashToken(input.challengeToken), ...live },
        select: { id: true, userId: true, needsSecondFactor: true },
      })
    : null;
  if (!challenge) throw new Unauthorized(CHALLENGE_GONE);

  const factors: Factor[] = ['password'];
  if (challenge.needsSecondFactor) {
    const ipKey = subjectKey('ip', meta.ip);
    await assertWithinLimit('twoFactorFailuresPerIp', ipKey);
    const proved = await checkSecondFactor(ctx.db, challenge.userId, input, now);
    if (!proved) {
      await ctx.db.loginChallenge.update({ where: { id: challenge.id }, data: { failedAttempts: { increment: 1 } } });
      await recordAudit(ctx.db, {
        action: 'user.sign_in_failed',
        actorId: challenge.userId,
        metadata: { step: 'second-factor' },
      });
      await consumeLimit('twoFactorFailuresPerIp', ipKey).catch(() => {});
      throw new Unauthorized('That code is not valid. Check your authenticator app and try again.');
    }
    factors.push(proved);
  }
  // Atomic: of two concurrent completions, only one finds the row still unconsumed.
  const { count } = await ctx.db.loginChallenge.updateMany({
    where: { id: challenge.id, ...live },
    data: { consumedAt: now },
  });
  if (count !== 1) throw new Unauthorized(CHALLENGE_GONE);
  await recordAudit(ctx.db, { action: 'user.sign_in', actorId: challenge.userId, metadata: { factors } });
  return { userId: challenge.userId, factors };
}
