// Passkey re-authentication before an irreversible step: only the user's own passkeys, a challenge
// bound to the user and used once, and anything unverifiable refused (the success path runs in a real
// browser with a virtual authenticator: e2e/delete-an-account-with-a-passkey.spec.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createTestDatabase, type TestDatabase } from '@/lib/db/test-database';
import { Unauthorized } from '@/lib/errors';

import { deleteAccount } from '../delete-account';
import { createVerifiedUser, testAccounts, type TestAccounts } from '../test-accounts';
import { startPasskeyReauth, verifyPasskeyReauth } from './passkey-reauth';
import { takeChallenge } from './relying-party';

let test: TestDatabase;
let accounts: TestAccounts;
let ann: { id: string; email: string };
let bob: { id: string; email: string };

beforeAll(async () => {
  test = await createTestDatabase();
  accounts = testAccounts(test);
  ann = {
    id: (await createVerifiedUser(test, 'ann@example.com', 'ann keeps a long password')).id,
    email: 'ann@example.com',
  };
  bob = {
    id: (await createVerifiedUser(test, 'bob@example.com', 'bob keeps a long password')).id,
    email: 'bob@example.com',
  };
  for (const [user, credentialId] of [
    [ann, 'cred-ann'],
    [bob, 'cred-bob'],
  ] as const) {
    await test.db.passkey.create({
      data: {
        userId: user.id,
        credentialId,
        publicKey: Buffer.from([1, 2, 3]),
        deviceType: 'singleDevice',
        name: 'Key',
      },
    });
  }
});
afterAll(() => test.drop());

describe('passkey re-authentication', () => {
  it('offers only the user’s own passkeys, with user verification required', async () => {
    const { options } = await startPasskeyReauth(accounts.ctx, ann.id);
    expect(options.userVerification).toBe('required');
    expect(options.allowCredentials?.map((c) => c.id)).toEqual(['cred-ann']);
    const none = (await createVerifiedUser(test, 'cy@example.com', 'cy keeps a long password')).id;
    await expect(startPasskeyReauth(accounts.ctx, none)).rejects.toThrow(Unauthorized);
  });

  it('refuses garbage, another user’s passkey or challenge, and uses the challenge up either way', async () => {
    const mine = await startPasskeyReauth(accounts.ctx, ann.id);
    await expect(
      verifyPasskeyReauth(accounts.ctx, ann.id, { challengeId: mine.challengeId, response: 'not json' }),
    ).rejects.toThrow(Unauthorized);
    expect(
      await takeChallenge(test.db, { id: mine.challengeId, purpose: 'authentication', userId: ann.id }, new Date()),
    ).toBeNull();

    const bobs = await startPasskeyReauth(accounts.ctx, bob.id);
    const forged = JSON.stringify({ id: 'cred-bob', rawId: 'cred-bob', type: 'public-key', response: {} });
    await expect(
      verifyPasskeyReauth(accounts.ctx, ann.id, { challengeId: bobs.challengeId, response: forged }),
    ).rejects.toThrow(Unauthorized);
    const again = await startPasskeyReauth(accounts.ctx, ann.id);
    await expect(
      verifyPasskeyReauth(accounts.ctx, ann.id, { challengeId: again.challengeId, response: forged }),
    ).rejects.toThrow(Unauthorized);
  });

  it('an unverifiable passkey answer deletes nothing', async () => {
    const { challengeId } = await startPasskeyReauth(accounts.ctx, ann.id);
    await expect(
      deleteAccount(accounts.ctx, ann, {
        confirmation: ann.email,
        passkey: { challengeId, response: JSON.stringify({ id: 'cred-ann', response: {} }) },
      }),
    ).rejects.toThrow(Unauthorized);
    expect(await test.db.user.count({ where: { id: ann.id } })).toBe(1);
  });
});
