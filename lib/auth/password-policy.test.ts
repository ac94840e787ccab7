import { describe, expect, it } from 'vitest';

import { hashPassword, verifyPassword } from './password';
import { isCommonPassword, passwordProblem } from './password-policy';

describe('passwordProblem', () => {
  it('requires at least 12 characters, counting what the user sees', () => {
    expect(passwordProblem('short-pass1')).toMatch(/at least 12/);
    expect(passwordProblem('correct horse battery')).toBeNull();
    expect(passwordProblem('🔒🔒🔒🔒🔒🔒🔒🔒🔒🔒🔒')).toMatch(/at least 12/);
  });

  it('refuses very long and very common passwords, in any case', () => {
    expect(passwordProblem('a'.repeat(20) + 'b'.repeat(120))).toMatch(/at most 128/);
    expect(isCommonPassword('1qaz2wsx3edc')).toBe(true);
    expect(passwordProblem('1QAZ2WSX3EDC')).toMatch(/most common/);
    expect(passwordProblem('qwertyuiop123')).toMatch(/most common/);
  });

  it('refuses the email address and near-constant strings', () => {
    expect(passwordProblem('ada.lovelace@example.com', 'ada.lovelace@example.com')).toMatch(/email/);
    expect(passwordProblem('aaaaaaaaaaaaaaab')).toMatch(/different characters/);
  });
});

describe('argon2id hashing', () => {
  it('tells apart passwords that differ only after byte 72 (no bcrypt truncation)', async () => {
    const base = 'x'.repeat(72);
    const stored = await hashPassword(`${base}-first`);
    expect(stored).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(stored, `${base}-first`)).toBe(true);
    expect(await verifyPassword(stored, `${base}-other`)).toBe(false);
  });
});
