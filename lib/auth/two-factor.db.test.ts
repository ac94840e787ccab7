import { randomBytes } from 'node:crypto';

import pg from 'pg';
import { Secret, TOTP } from 'otpauth';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { decrypt, encrypt, keyring, parseKeyring } from '@/lib/crypto/envelope';
import { createTestDatabase, type TestDatabase } from '@/lib/db/test-database';
import { Invalid, Unauthorized } from '@/lib/errors';
import { resetAuthLimits } from '@/lib/ratelimit/auth-limits';

import { completeSignIn, LOGIN_CHALLENGE_MAX_FAILURES } from './login-challenge';
import { beginTotpSetup, confirmTotpSetup, disableTotp, regenerateRecoveryCodes } from './manage-totp';
import { rotateSecrets } from './rotate-secrets';
import { openSession, resolveSession } from './sessions';
import { startPasswordSignIn } from './sign-in';
import { createVerifiedUser, freshMeta, testAccounts, type TestAccounts } from './test-accounts';
import { secretContext } from './totp';
import { checkSecondFactor } from './two-factor';

let test: TestDatabase;
let accounts: TestAccounts;
let actor: { id: string; email: string; sessionId: string };
let secret: string;
let recoveryCodes: string[];
const PASSWORD = 'seven paper boats at dawn';

beforeAll(async () => {
  test = await createTestDatabase();
  accounts = testAccounts(test);
  const user = await createVerifiedUser(test, 'kim@example.com', PASSWORD);
  const session = await openSession(test.db, {
    userId: user.id,
    factors: ['password'],
    deviceClass: null,
    country: null,
  });
  actor = { id: user.id, email: 'kim@example.com', sessionId: session.id };
});
afterAll(() => test.drop());
beforeEach(() => resetAuthLimits());

const codeAt = (date: Date) =>
  new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30, algorithm: 'SHA1' }).generate({
    timestamp: date.getTime(),
  });
const at = (seconds: number) => new Date(Date.UTC(2026, 10, 23, 12, 0, 0) + seconds * 1000);

async function passwordStep() {
  const step = await startPasswordSignIn(accounts.ctx, { email: actor.email, password: PASSWORD }, freshMeta());
  return step;
}

describe('RFC 6238', () => {
  it('matches the RFC test vector (T = 59 s, 8 digits, SHA-1)', () => {
    const totp = new TOTP({
      secret: Secret.fromLatin1('12345678901234567890'),
      digits: 8,
      period: 30,
      algorithm: 'SHA1',
    });
    expect(totp.generate({ timestamp: 59_000 })).toBe('94287082');
  });
});

describe('turning TOTP on', () => {
  it('keeps a pending secret only as an envelope and needs a valid code and the password', async () => {
    accounts.clock.now = at(0);
    await beginTotpSetup(accounts.ctx, actor);
    const user = await test.db.user.findUniqueOrThrow({ where: { id: actor.id } });
    expect(user.totpPendingSecret).toMatch(/^v1:dev:/);
    secret = decrypt(user.totpPendingSecret!, secretContext(actor.id));
    await expect(
      confirmTotpSetup(accounts.ctx, actor, { code: '000000', currentPassword: PASSWORD }),
    ).rejects.toBeInstanceOf(Invalid);
    await expect(
      confirmTotpSetup(accounts.ctx, actor, { code: codeAt(at(0)), currentPassword: 'wrong' }),
    ).rejects.toBeInstanceOf(Unauthorized);
    const result = await confirmTotpSetup(accounts.ctx, actor, { code: codeAt(at(0)), currentPassword: PASSWORD });
    recoveryCodes = result.recoveryCodes;
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    expect(recoveryCodes[0]).toMatch(/^[0-9a-z]{4}-[0-9a-z]{4}-[0-9a-z]{4}-[0-9a-z]{4}$/);
    // The version changed: the old session is gone, the rotated one works.
    expect(await resolveSession(test.db, { sub: actor.id, sid: actor.sessionId, ver: 0 }, at(0))).toBeNull();
    expect(
      await resolveSession(
        test.db,
        { sub: actor.id, sid: result.rotated.sessionId, ver: result.rotated.version },
        at(0),
      ),
    ).not.toBeNull();
    actor.sessionId = result.rotated.sessionId;
    expect(await test.db.auditLog.count({ where: { actorId: actor.id, action: 'user.totp_enabled' } })).toBe(1);
  });

  it('stores only envelopes and hashes: no secret or recovery code anywhere in a dump', async () => {
    const client = new pg.Client({ connectionString: test.url });
    await client.connect();
    try {
      const tables = await client.query<{ table_name: string }>(
        `SELECT table_name FROM information_schema.tables WHERE table_schema = $1 AND table_type = 'BASE TABLE'`,
        [test.schema],
      );
      let dump = '';
      for (const { table_name } of tables.rows) {
        const rows = await client.query<{ row: string }>(
          `SELECT t::text AS row FROM ${pg.escapeIdentifier(test.schema)}.${pg.escapeIdentifier(table_name)} AS t`,
        );
        dump += rows.rows.map((r) => r.row).join('\n');
      }
      expect(dump).toMatch(/v1:dev:[\w-]+:[\w-]+:[\w-]+/);
      expect(dump).not.toContain(secret);
      expect(dump.toLowerCase()).not.toContain(secret.toLowerCase());
      for (const code of recoveryCodes) expect(dump).not.toContain(code.replace(/-/g, ''));
      for (const code of recoveryCodes) expect(dump).not.toContain(code);
    } finally {
      await client.end();
    }
  });
});

describe('signing in with TOTP', () => {
  it('asks for the second factor after the password, and accepts a current code once', async () => {
    accounts.clock.now = at(60);
    const step = await passwordStep();
    expect(step.needsSecondFactor).toBe(true);
    const meta = freshMeta();
    await expect(
      completeSignIn(accounts.ctx, { challengeToken: step.challengeToken }, meta, checkSecondFactor),
    ).rejects.toBeInstanceOf(Unauthorized);
    const done = await completeSignIn(
      accounts.ctx,
      { challengeToken: step.challengeToken, code: codeAt(at(60)) },
      meta,
      checkSecondFactor,
    );
    expect(done.factors).toEqual(['password', 'totp']);

    // The same code again (same step), and an older one, are refused.
    const again = await passwordStep();
    await expect(
      completeSignIn(
        accounts.ctx,
        { challengeToken: again.challengeToken, code: codeAt(at(60)) },
        meta,
        checkSecondFactor,
      ),
    ).rejects.toBeInstanceOf(Unauthorized);
    await expect(
      completeSignIn(
        accounts.ctx,
        { challengeToken: again.challengeToken, code: codeAt(at(30)) },
        meta,
        checkSecondFactor,
      ),
    ).rejects.toBeInstanceOf(Unauthorized);
    // One step of drift is tolerated; two are not.
    accounts.clock.now = at(120);
    await expect(
      completeSignIn(
        accounts.ctx,
        { challengeToken: again.challengeToken, code: codeAt(at(180)) },
        meta,
        checkSecondFactor,
      ),
    ).rejects.toBeInstanceOf(Unauthorized);
    await expect(
      completeSignIn(
        accounts.ctx,
        { challengeToken: again.challengeToken, code: codeAt(at(150)) },
        meta,
        checkSecondFactor,
      ),
    ).resolves.toMatchObject({ factors: ['password', 'totp'] });
  });

  it('ends the attempt after five wrong codes, even if the sixth is right', async () => {
    accounts.clock.now = at(300);
    const step = await passwordStep();
    for (let i = 0; i < LOGIN_CHALLENGE_MAX_FAILURES; i++) {
      await expect(
        completeSignIn(
          accounts.ctx,
          { challengeToken: step.challengeToken, code: '123456' },
          freshMeta(),
          checkSecondFactor,
        ),
      ).rejects.toThrow(/not valid/);
    }
    await expect(
      completeSignIn(
        accounts.ctx,
        { challengeToken: step.challengeToken, code: codeAt(at(300)) },
        freshMeta(),
        checkSecondFactor,
      ),
    ).rejects.toThrow(/expired/);
    expect(
      await test.db.auditLog.count({
        where: { actorId: actor.id, action: 'user.sign_in_failed', metadata: { equals: { step: 'second-factor' } } },
      }),
    ).toBeGreaterThanOrEqual(LOGIN_CHALLENGE_MAX_FAILURES);
  });

  it('refuses an expired challenge', async () => {
    accounts.clock.now = at(400);
    const step = await passwordStep();
    accounts.clock.now = at(400 + 5 * 60 + 1);
    await expect(
      completeSignIn(
        accounts.ctx,
        { challengeToken: step.challengeToken, code: codeAt(accounts.clock.now) },
        freshMeta(),
        checkSecondFactor,
      ),
    ).rejects.toThrow(/expired/);
  });

  it('accepts each recovery code once, in any case and with or without dashes', async () => {
    accounts.clock.now = at(1000);
    const first = await passwordStep();
    const code = recoveryCodes[3]!;
    const done = await completeSignIn(
      accounts.ctx,
      { challengeToken: first.challengeToken, recoveryCode: code.replace(/-/g, '').toUpperCase() },
      freshMeta(),
      checkSecondFactor,
    );
    expect(done.factors).toEqual(['password', 'recovery-code']);
    const second = await passwordStep();
    await expect(
      completeSignIn(
        accounts.ctx,
        { challengeToken: second.challengeToken, recoveryCode: code },
        freshMeta(),
        checkSecondFactor,
      ),
    ).rejects.toBeInstanceOf(Unauthorized);
    expect(await test.db.auditLog.count({ where: { actorId: actor.id, action: 'user.recovery_code_used' } })).toBe(1);
  });

  it('regenerating recovery codes invalidates the old ones', async () => {
    const fresh = await regenerateRecoveryCodes(accounts.ctx, actor, { currentPassword: PASSWORD });
    accounts.clock.now = at(1100);
    const step = await passwordStep();
    await expect(
      completeSignIn(
        accounts.ctx,
        { challengeToken: step.challengeToken, recoveryCode: recoveryCodes[5]! },
        freshMeta(),
        checkSecondFactor,
      ),
    ).rejects.toBeInstanceOf(Unauthorized);
    await expect(
      completeSignIn(
        accounts.ctx,
        { challengeToken: step.challengeToken, recoveryCode: fresh[0]! },
        freshMeta(),
        checkSecondFactor,
      ),
    ).resolves.toMatchObject({ factors: ['password', 'recovery-code'] });
  });
});

describe('key rotation and turning TOTP off', () => {
  it('re-encrypts envelopes with the newest key, and old ones still decrypt until then', async () => {
    const ring = parseKeyring(
      `${keyring().currentId}:${keyring().keys.get(keyring().currentId)!.toString('base64')},k2:${randomBytes(32).toString('base64')}`,
    );
    expect(await rotateSecrets(test.db, ring)).toBe(1);
    const user = await test.db.user.findUniqueOrThrow({ where: { id: actor.id } });
    expect(user.totpSecret).toMatch(/^v1:k2:/);
    expect(decrypt(user.totpSecret!, secretContext(actor.id), ring)).toBe(secret);
    expect(await rotateSecrets(test.db, ring)).toBe(0);
  });

  it('turning TOTP off needs the password, removes secret and codes, and rotates sessions', async () => {
    // The row now holds a k2 envelope this process's keyring cannot read: restore a readable one first.
    await test.db.user.update({
      where: { id: actor.id },
      data: { totpSecret: encrypt(secret, secretContext(actor.id)) },
    });
    await expect(disableTotp(accounts.ctx, actor, { currentPassword: 'nope' })).rejects.toBeInstanceOf(Unauthorized);
    const rotated = await disableTotp(accounts.ctx, actor, { currentPassword: PASSWORD });
    expect(rotated.sessionId).not.toBe(actor.sessionId);
    const user = await test.db.user.findUniqueOrThrow({ where: { id: actor.id } });
    expect(user).toMatchObject({ totpSecret: null, totpEnabledAt: null });
    expect(await test.db.recoveryCode.count({ where: { userId: actor.id } })).toBe(0);
    expect((await passwordStep()).needsSecondFactor).toBe(false);
  });
});
