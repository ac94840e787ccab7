// For integration tests of the account flows: a context over a test database whose mailer keeps
// messages, a clock the test can move, and a helper to make a verified user.
import type { TestDatabase } from '@/lib/db/test-database';
import type { OutgoingEmail } from '@/lib/email/mailer';

import type { AccountContext, RequestMeta } from './account-context';
import { hashPassword } from './password';

export interface TestAccounts {
  ctx: AccountContext;
  sent: OutgoingEmail[];
  clock: { now: Date };
  /** The token of the newest link sent to `to` whose subject matches. */
  tokenSentTo(to: string, subject: RegExp): string;
}

export function testAccounts(test: TestDatabase): TestAccounts {
  const sent: OutgoingEmail[] = [];
  const clock = { now: new Date() };
  return {
    ctx: {
      db: test.db,
      mailer: { send: (email) => sent.push(email) },
      appUrl: 'http://glance.test',
      now: () => clock.now,
    },
    sent,
    clock,
    tokenSentTo(to, subject) {
      const message = sent.filter((m) => m.to === to && subject.test(m.subject)).at(-1);
      const token = message?.text.match(/[?&]token=([A-Za-z0-9_-]+)/)?.[1];
      if (!token) throw new Error(`no link to ${to} matching ${subject}`);
      return token;
    },
  };
}

let counter = 0;
/** A distinct IP per call, so one test's rate limits never affect another's. */
export const freshMeta = (): RequestMeta => ({
  ip: `198.51.100.${++counter % 250}`,
  userAgent: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36',
});

export async function createVerifiedUser(test: TestDatabase, email: string, password: string) {
  return test.db.user.create({
    data: { email, passwordHash: await hashPassword(password), emailVerifiedAt: new Date() },
    select: { id: true },
  });
}
