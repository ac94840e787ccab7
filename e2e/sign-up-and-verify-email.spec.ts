import { expect as baseExpect, test } from '@playwright/test';

import { expectAccessible, screenshots, signIn } from './helpers';
import { linkIn, uniqueEmail, waitForMail } from './mail';

// Account pages hash passwords (argon2id) on a shared 2-core machine: allow them time.
const expect = baseExpect.configure({ timeout: 15_000 });

test('a new customer signs up, confirms the emailed link and signs in', async ({ page }) => {
  test.setTimeout(120_000);
  const email = uniqueEmail('new');
  const password = 'marmalade skylight 42 otter';

  await page.goto('/sign-in');
  await page.getByRole('link', { name: 'Create an account' }).click();
  await expect(page.getByRole('heading', { name: 'Create your account' })).toBeVisible();
  await expectAccessible(page);

  // A common password is refused and explained; the email stays filled in.
  await page.getByLabel('Name (optional)').fill('Nadia');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill('qwertyuiop123');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByText(/one of the most common/)).toBeVisible();
  await expect(page.getByLabel('Email')).toHaveValue(email);
  await expectAccessible(page);
  await screenshots(page, 'sign-up');

  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByRole('status')).toContainText('Check your inbox');

  // Not yet confirmed: signing in is refused with an explanation (and a fresh link).
  await signIn(page, email, password);
  await expect(page.getByRole('alert').filter({ hasText: 'confirm your email address first' })).toBeVisible();

  // The second link (sent by the refused sign-in) replaced the first.
  const mail = await waitForMail(email, /Confirm your email/, 2);
  await page.goto(linkIn(mail));
  await expect(page.getByRole('heading', { name: 'Confirm your email' })).toBeVisible();
  await expectAccessible(page);
  await screenshots(page, 'verify-email');
  await page.getByRole('button', { name: 'Confirm my email' }).click();
  await expect(page.getByRole('status')).toContainText('Your email address is confirmed');

  await page.getByRole('link', { name: 'Sign in to Glance' }).click();
  await signIn(page, email, password);
  await expect(page).toHaveURL(/\/sites$/);
  await expect(page.getByText('You have no sites yet.')).toBeVisible();

  // The link worked once.
  await page.goto(linkIn(mail));
  await page.getByRole('button', { name: 'Confirm my email' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'invalid, was already used or has expired' })).toBeVisible();
});
