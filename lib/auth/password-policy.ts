// What a new password must be (ASVS 6.2): at least 12 characters, at most 128, and not one of the
// ~49,000 most common passwords (the list maintained by zxcvbn-ts, compared case-insensitively).
import { dictionary } from '@zxcvbn-ts/language-common';
import { z } from 'zod';

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;

let common: Set<string> | undefined;
const commonPasswords = () => (common ??= new Set(dictionary['passwords-common'].map((p) => p.toLowerCase())));

export function isCommonPassword(password: string): boolean {
  return commonPasswords().has(password.toLowerCase());
}

/** Why a password may not be used, or null when it may. */
export function passwordProblem(password: string, email?: string): string | null {
  // Count characters, not UTF-16 units, so an emoji is one character as the user sees it.
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) return `Use at least ${PASSWORD_MIN_LENGTH} characters.`;
  if (length > PASSWORD_MAX_LENGTH) return `Use at most ${PASSWORD_MAX_LENGTH} characters.`;
  if (isCommonPassword(password)) return 'This password is one of the most common ones. Please choose another.';
  const lower = password.toLowerCase();
  if (email && (lower === email.toLowerCase() || lower === email.split('@')[0]!.toLowerCase())) {
    return 'Do not use your email address as your password.';
  }
  if (new Set(password).size < 4) return 'Use more different characters.';
  return null;
}

export const newPasswordSchema = z.string().max(1024, `Use at most ${PASSWORD_MAX_LENGTH} characters.`);
