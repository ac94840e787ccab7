// Creates a verified account through the real pages and the mail sink, for stories that need a
// fresh user (the demo user is shared by every spec and must stay as seeded).
import { expect, type Page } from '@playwright/test';

import { linkIn, uniqueEmail, waitForMail } from './mail';

export async function createAccount(page: Page, label: string) {
  const account = { email: uniqueEmail(label), password: `${label} lantern orchard 7` };
  await page.goto('/sign-up');
  await page.getByLabel('Email').fill(account.email);
  await page.getByLabel('Password').fill(account.password);
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByRole('status')).toContainText('Check your inbox', { timeout: 15_000 });
  await page.goto(linkIn(await waitForMail(account.email, /Confirm your email/)));
  await page.getByRole('button', { name: 'Confirm my email' }).click();
  await expect(page.getByRole('status')).toContainText('confirmed', { timeout: 15_000 });
  return account;
}
