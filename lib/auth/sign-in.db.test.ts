import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { createTestDatabase, type TestDatabase } from '@/lib/db/test-database';
import { RateLimited, Unauthorized } from '@/lib/errors';
import { errorResponse } from '@/lib/http/error-response';
import { resetAuthLimits } from '@/lib/ratelimit/auth-limits';

import { startPasswordSignIn, WRONG_CREDENTIALS } from './sign-in';
import { createVerifiedUser, freshMeta, testAccounts, type TestAccounts } from './test-accounts';

let test: TestDatabase;
let accounts: TestAccounts;
let userId: string;
const PASSWORD = 'a long and quiet river';

beforeAll(async () => {
  test = await createTestDatabase();
  accounts = testAccounts(test);
  userId = (await createVerifiedUser(test, 'grace@example.com', PASSWORD)).id;
});
afterAll(() => test.drop());
beforeEach(() => resetAuthLimits());

const attempt = (email: string, password: string, meta = freshMeta()) =>
  startPasswordSignIn(accounts.ctx, { email, password }, meta).catch((error: unknown) => error);

describe('the password step', () => {
  it('answers a wrong password and an unknown email identically, with one audit row each', async () => {
    const before = await test.db.auditLog.count({ where: { action: 'user.sign_in_failed' } });
    const wrong = await attempt('grace@example.com', 'not the password');
    const unknown = await attempt('nobody@example.com', 'not the password');
    for (const error of [wrong, unknown]) {
      expect(error).toBeInstanceOf(Unauthorized);
      expect((error as Error).message).toBe(WRONG_CREDENTIALS);
    }
    const rows = await test.db.auditLog.findMany({
      where: { action: 'user.sign_in_failed' },
      orderBy: { id: 'asc' },
      skip: before,
    });
    expect(rows.map((r) => r.actorId)).toEqual([userId, null]);
    // No email address, IP or password in the audit log.
    expect(JSON.stringify(rows.map((r) => r.metadata))).not.toMatch(/nobody@|198\.51|not the password/);
  });

  it('takes about as long for an unknown email as for a wrong password (argon2id either way)', async () => {
    const time = async (email: string) => {
      resetAuthLimits();
      const started = performance.now();
      await attempt(email, 'not the password');
      return performance.now() - started;
    };
    const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
    const known: number[] = [];
    const unknown: number[] = [];
    // Interleaved, several times, compared by median: this machine's timings are noisy.
    for (let i = 0; i < 7; i++) {
      known.push(await time('grace@example.com'));
      unknown.push(await time(`nobody${i}@example.com`));
    }
    const ratio = median(unknown) / median(known);
    expect(ratio).toBeGreaterThan(0.5);
    expect(ratio).toBeLessThan(2);
  });

  it('refuses the 11th wrong password from one IP within a minute with a retry time (429)', async () => {
    const meta = freshMeta();
    for (let i = 0; i < 10; i++) {
      // Different addresses, so only the IP limit applies.
      expect(await attempt(`user${i}@example.com`, 'wrong password!', meta)).toBeInstanceOf(Unauthorized);
    }
    const refused = await attempt('grace@example.com', PASSWORD, meta);
    expect(refused).toBeInstanceOf(RateLimited);
    const response = errorResponse(refused);
    expect(response.status).toBe(429);
    expect(Number(response.headers.get('Retry-After'))).toBeGreaterThan(0);
    // Another IP is unaffected.
    expect(await attempt('grace@example.com', PASSWORD)).toMatchObject({ needsSecondFactor: false });
  });

  it('backs off progressively per address, from any IP, and a success resets it', async () => {
    for (let i = 0; i < 4; i++)
      expect(await attempt('grace@example.com', 'wrong password!')).toBeInstanceOf(Unauthorized);
    expect(await attempt('grace@example.com', 'wrong password!')).toBeInstanceOf(Unauthorized);
    // The fifth failure started a 15 s back-off: even the right password waits.
    const waiting = await attempt('grace@example.com', PASSWORD);
    expect(waiting).toBeInstanceOf(RateLimited);
    expect((waiting as RateLimited).retryAfterSeconds).toBeLessThanOrEqual(15);
    resetAuthLimits();
    expect(await attempt('grace@example.com', PASSWORD)).toMatchObject({ needsSecondFactor: false });
  });
});
