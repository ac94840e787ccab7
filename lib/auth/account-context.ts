// What the account flows need from the outside world, passed in explicitly so tests can supply a
// database schema of their own, a mail catcher and a clock.
import { config } from '@/lib/config';
import { db, type Database } from '@/lib/db/client';
import { mailer, type Mailer } from '@/lib/email/mailer';

export interface AccountContext {
  db: Database;
  mailer: Mailer;
  /** Base for links in emails (APP_URL). */
  appUrl: string;
  now?: () => Date;
}

/** Facts about the request that limits and session records use; never stored as such. */
export interface RequestMeta {
  ip: string | null;
  userAgent: string | null;
}

export const nowOf = (ctx: { now?: () => Date }) => (ctx.now ? ctx.now() : new Date());

export function accountContext(): AccountContext {
  return { db: db(), mailer: mailer(), appUrl: config().APP_URL };
}

export function link(ctx: AccountContext, path: string, token?: string): string {
  const url = new URL(path, ctx.appUrl);
  if (token) url.searchParams.set('token', token);
  return url.toString();
}
