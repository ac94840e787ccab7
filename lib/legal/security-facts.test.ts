// Checks the security page's claims against the code that enforces them.
import { createHmac, randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';

import { RateLimiterRes } from 'rate-limiter-flexible';
import { describe, expect, it } from 'vitest';

import { hashPassword } from '@/lib/auth/password';
import { BASE_SECURITY_HEADERS } from '@/lib/http/security-headers';
import { createLimits } from '@/lib/ingest/record-hit';
import { SALT_BYTES, SALT_GRACE_MS } from '@/lib/privacy/salts';
import { VISITOR_ID_BITS, visitorId } from '@/lib/privacy/visitor-id';

import { HSTS_YEARS, INGEST_LIMITS, PASSWORD_HASH, SECURITY_FACTS } from './security-facts';

describe('security facts', () => {
  it('name tests that exist, and only designed facts may have none yet', () => {
    for (const fact of SECURITY_FACTS) {
      for (const file of fact.checkedBy) expect(existsSync(file), `${fact.id}: ${file}`).toBe(true);
      if (fact.status === 'in-code') expect(fact.checkedBy.length, fact.id).toBeGreaterThan(0);
    }
    expect(new Set(SECURITY_FACTS.map((fact) => fact.id)).size).toBe(SECURITY_FACTS.length);
  });

  it('states the argon2id cost that password hashes really carry', async () => {
    const hash = await hashPassword('correct horse battery staple');
    expect(hash).toMatch(
      new RegExp(
        `^\\$${PASSWORD_HASH.algorithm}\\$v=19\\$m=${PASSWORD_HASH.memoryKiB},t=${PASSWORD_HASH.passes},p=${PASSWORD_HASH.lanes}\\$`,
      ),
    );
  });

  it('describes the visitor id as it is computed: the first 64 bits of HMAC-SHA256 under a 256-bit salt', () => {
    expect(SALT_BYTES * 8).toBe(256);
    expect(VISITOR_ID_BITS).toBe(64);
    expect(SALT_GRACE_MS).toBe(30 * 60_000);
    const salt = randomBytes(SALT_BYTES);
    const expected = createHmac('sha256', salt).update('site\x00198.51.100.4\x00UA').digest().subarray(0, 8);
    expect(visitorId(salt, 'site', '198.51.100.4', 'UA')).toBe(expected.readBigInt64BE(0));
  });

  it('claims HSTS of at least a year, as the headers send it', () => {
    expect(HSTS_YEARS).toBeGreaterThanOrEqual(1);
    expect(BASE_SECURITY_HEADERS['Strict-Transport-Security']).toBe(
      `max-age=${HSTS_YEARS * 365 * 86_400}; includeSubDomains`,
    );
  });

  it('states the ingest limits the limiter enforces', async () => {
    const { perVisitor } = createLimits();
    for (let i = 0; i < INGEST_LIMITS.perVisitor.points; i += 1) await perVisitor.consume('visitor');
    const refused = await perVisitor.consume('visitor').catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(RateLimiterRes);
    expect((refused as RateLimiterRes).msBeforeNext).toBeLessThanOrEqual(INGEST_LIMITS.perVisitor.seconds * 1000);
  });

  it('pins every dependency to an exact version', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as Record<string, Record<string, string>>;
    for (const [name, version] of Object.entries({ ...pkg.dependencies, ...pkg.devDependencies })) {
      expect(version, name).toMatch(/^\d+\.\d+\.\d+(-[\w.]+)?$/);
    }
  });
});
