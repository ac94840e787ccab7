import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { createTestDatabase, type TestDatabase } from '@/lib/db/test-database';
import { Invalid, NotFound, Unauthorized } from '@/lib/errors';
import { resetAuthLimits } from '@/lib/ratelimit/auth-limits';

import { openSession } from '../sessions';
import { createVerifiedUser, freshMeta, testAccounts, type TestAccounts } from '../test-accounts';
import { listPasskeys, removePasskey, renamePasskey } from './manage-passkeys';
import { finishPasskeySignIn, startPasskeySignIn } from './passkey-sign-in';
import { finishPasskeyRegistration, startPasskeyRegistration } from './register-passkey';
import { takeChallenge } from './relying-party';

let test: TestDatabase;
let accounts: TestAccounts;
let ann: { id: string; email: string; sessionId: string };
let bobId: string;
let passkeyId: string;
const PASSWORD = 'ann keeps a long password';

beforeAll(async () => {
  test = await createTestDatabase();
  accounts = testAccounts(test);
  const user = await createVerifiedUser(test, 'ann@example.com', PASSWORD);
  const session = await openSession(test.db, {
    userId: user.id,
    factors: ['password'],
    deviceClass: null,
    country: null,
  });
  ann = { id: user.id, email: 'ann@example.com', sessionId: session.id };
  bobId = (await createVerifiedUser(test, 'bob@example.com', 'bob keeps a long password')).id;
  passkeyId = (
    await test.db.passkey.create({
      data: {
        userId: ann.id,
        credentialId: 'cred-ann-1',
        publicKey: Buffer.from([1, 2, 3]),
        deviceType: 'singleDevice',
        name: 'Laptop',
      },
    })
  ).id;
});
afterAll(() => test.drop());
beforeEach(() => resetAuthLimits());

describe('passkey ceremonies', () => {
  it('registration needs the password and asks for a discoverable, user-verified credential', async () => {
    await expect(startPasskeyRegistration(accounts.ctx, ann, { currentPassword: 'wrong' })).rejects.toBeInstanceOf(
      Unauthorized,
    );
    const { options, challengeId } = await startPasskeyRegistration(accounts.ctx, ann, { currentPassword: PASSWORD });
    expect(options.rp).toEqual({ name: 'Glance', id: 'glance.test' });
    expect(options.authenticatorSelection).toMatchObject({ residentKey: 'required', userVerification: 'required' });
    expect(options.excludeCredentials?.map((c) => c.id)).toEqual(['cred-ann-1']);
    expect(options.user.name).toBe('ann@example.com');
    expect(Buffer.from(options.user.id, 'base64url').toString()).toBe(ann.id);
    // A garbage response is refused and uses up the challenge.
    await expect(
      finishPasskeyRegistration(accounts.ctx, ann, { challengeId, response: { id: 'x' }, name: 'Phone' }),
    ).rejects.toBeInstanceOf(Invalid);
    expect(
      await takeChallenge(test.db, { id: challengeId, purpose: 'registration', userId: ann.id }, new Date()),
    ).toBeNull();
  });

  it('keeps challenges server-side: single use, bound to purpose and user, five minutes', async () => {
    const { challengeId, options } = await startPasskeySignIn(accounts.ctx);
    expect(options.userVerification).toBe('required');
    expect(
      await takeChallenge(test.db, { id: challengeId, purpose: 'registration', userId: null }, new Date()),
    ).toBeNull();
    const later = new Date(Date.now() + 5 * 60 * 1000 + 1000);
    expect(
      await takeChallenge(test.db, { id: challengeId, purpose: 'authentication', userId: null }, later),
    ).toBeNull();
    expect(await takeChallenge(test.db, { id: challengeId, purpose: 'authentication', userId: null }, new Date())).toBe(
      options.challenge,
    );
    expect(
      await takeChallenge(test.db, { id: challengeId, purpose: 'authentication', userId: null }, new Date()),
    ).toBeNull();
  });

  it('refuses malformed or unknown assertions, with an audit row each', async () => {
    const before = await test.db.auditLog.count({ where: { action: 'user.sign_in_failed' } });
    const { challengeId } = await startPasskeySignIn(accounts.ctx);
    await expect(
      finishPasskeySignIn(accounts.ctx, { challengeId, response: 'not json' }, freshMeta()),
    ).rejects.toBeInstanceOf(Unauthorized);
    const second = await startPasskeySignIn(accounts.ctx);
    await expect(
      finishPasskeySignIn(
        accounts.ctx,
        {
          challengeId: second.challengeId,
          response: JSON.stringify({ id: 'unknown', rawId: 'unknown', response: {} }),
        },
        freshMeta(),
      ),
    ).rejects.toBeInstanceOf(Unauthorized);
    const third = await startPasskeySignIn(accounts.ctx);
    await expect(
      finishPasskeySignIn(
        accounts.ctx,
        {
          challengeId: third.challengeId,
          response: JSON.stringify({ id: 'cred-ann-1', rawId: 'cred-ann-1', response: {}, type: 'public-key' }),
        },
        freshMeta(),
      ),
    ).rejects.toBeInstanceOf(Unauthorized);
    expect(await test.db.auditLog.count({ where: { action: 'user.sign_in_failed' } })).toBe(before + 3);
  });
});

describe('managing passkeys', () => {
  it('renames only one’s own passkeys; another user’s id is not found', async () => {
    await expect(renamePasskey(accounts.ctx, { id: bobId }, { passkeyId, name: 'Mine now' })).rejects.toBeInstanceOf(
      NotFound,
    );
    await expect(renamePasskey(accounts.ctx, ann, { passkeyId, name: '   ' })).rejects.toBeInstanceOf(Invalid);
    await renamePasskey(accounts.ctx, ann, { passkeyId, name: ' Work laptop ' });
    expect((await listPasskeys(accounts.ctx, ann.id)).map((p) => p.name)).toEqual(['Work laptop']);
    expect(await listPasskeys(accounts.ctx, bobId)).toEqual([]);
  });

  it('removing needs the password, is scoped to the owner, and rotates the sessions', async () => {
    await expect(
      removePasskey(
        accounts.ctx,
        { id: bobId, email: 'bob@example.com', sessionId: 'x' },
        { passkeyId, currentPassword: 'bob keeps a long password' },
      ),
    ).rejects.toBeInstanceOf(NotFound);
    await expect(removePasskey(accounts.ctx, ann, { passkeyId, currentPassword: 'nope' })).rejects.toBeInstanceOf(
      Unauthorized,
    );
    const rotated = await removePasskey(accounts.ctx, ann, { passkeyId, currentPassword: PASSWORD });
    expect(rotated.sessionId).not.toBe(ann.sessionId);
    expect(await listPasskeys(accounts.ctx, ann.id)).toEqual([]);
    expect(await test.db.auditLog.count({ where: { action: 'user.passkey_removed', targetId: passkeyId } })).toBe(1);
  });
});
