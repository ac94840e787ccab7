// Checks email + password and opens a server-side session row for the browser.
import { z } from 'zod';

import { hashPassword, verifyPassword } from '@/lib/auth/password';
import type { Database } from '@/lib/db/client';

export const SESSION_MAX_AGE_SECONDS = 12 * 60 * 60;

export const credentialsSchema = z.object({
  email: z
    .email()
    .max(254)
    .transform((email) => email.trim().toLowerCase()),
  password: z.string().min(1).max(1024),
});

// Verifying against a real argon2id hash when the user does not exist keeps response times equal,
// so timing does not reveal which emails have accounts.
let dummyHash: Promise<string> | undefined;
const getDummyHash = () => (dummyHash ??= hashPassword('not-a-real-password-just-for-timing'));

export async function authenticateWithPassword(db: Database, input: unknown) {
  const parsed = credentialsSchema.safeParse(input);
  if (!parsed.success) return null;
  const user = await db.user.findUnique({ where: { email: parsed.data.email } });
  const ok = await verifyPassword(user?.passwordHash ?? (await getDummyHash()), parsed.data.password);
  if (!user || !user.passwordHash || !ok) return null;
  return { id: user.id, email: user.email, name: user.name };
}

export async function openSession(db: Database, userId: string, now = new Date()) {
  return db.userSession.create({
    data: { userId, expiresAt: new Date(now.getTime() + SESSION_MAX_AGE_SECONDS * 1000) },
    select: { id: true },
  });
}
