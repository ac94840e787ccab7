import { expect as baseExpect, test } from '@playwright/test';

import { createAccount } from './accounts';
import { expectAccessible, screenshots, signIn } from './helpers';
import { linkIn, waitForMail } from './mail';

// Account pages hash passwords (argon2id) on a shared 2-core machine: allow them time.
const expect = baseExpect.configure({ timeout: 15_000 });
const alert = (page: import('@playwright/test').Page, text: string | RegExp) =>
  page.getByRole('alert').filter({ hasText: text });

test('a forgotten password is reset by emailed link, which signs out every other browser', async ({
  page,
  browser,
}) => {
  test.setTimeout(150_000);
  const account = await createAccount(page, 'reset');

  // Another browser is signed in.
  const other = await browser.newPage();
  await signIn(other, account.email, account.password);
  await expect(other).toHaveURL(/\/sites$/);

  await page.goto('/sign-in');
  await page.getByRole('link', { name: 'Forgot your password?' }).click();
  await expect(page.getByRole('heading', { name: 'Reset your password' })).toBeVisible();
  await expectAccessible(page);
  // An unknown address gets exactly the same answer.
  await page.getByLabel('Email').fill('nobody-at-all@example.com');
  await page.getByRole('button', { name: 'Send reset link' }).click();
  const answer = await page.getByRole('status').textContent();
  await page.goto('/reset');
  await page.getByLabel('Email').fill(account.email);
  await page.getByRole('button', { name: 'Send reset link' }).click();
  await expect(page.getByRole('status')).toHaveText(answer!);

  const mail = await waitForMail(account.email, /Reset your Glance password/);
  await page.goto(linkIn(mail));
  await expect(page.getByRole('heading', { name: 'Choose a new password' })).toBeVisible();
  await page.getByLabel('New password').fill('qwertyuiop123');
  await page.getByRole('button', { name: 'Set new password' }).click();
  await expect(page.getByText(/one of the most common/)).toBeVisible();
  await expectAccessible(page);
  await screenshots(page, 'reset-password');
  const newPassword = 'brand new harbour 91 kites';
  await page.getByLabel('New password').fill(newPassword);
  await page.getByRole('button', { name: 'Set new password' }).click();
  await expect(page.getByRole('status')).toContainText('Your password has been changed');

  // The other browser was signed out; the link is spent; only the new password works.
  await other.goto('/sites');
  await expect(other).toHaveURL(/\/sign-in$/);
  await page.goto(linkIn(mail));
  await expect(alert(page, 'already used or has expired')).toBeVisible();
  await signIn(page, account.email, account.password);
  await expect(alert(page, 'do not match')).toBeVisible();
  await signIn(page, account.email, newPassword);
  await expect(page).toHaveURL(/\/sites$/);
});

test('changing the password keeps this browser signed in and signs out the others', async ({ page, browser }) => {
  test.setTimeout(150_000);
  const account = await createAccount(page, 'change');
  await signIn(page, account.email, account.password);
  await expect(page).toHaveURL(/\/sites$/);
  const other = await browser.newPage();
  await signIn(other, account.email, account.password);
  await expect(other).toHaveURL(/\/sites$/);

  await page.getByRole('link', { name: 'Security' }).click();
  await expect(page.getByRole('heading', { name: 'Security', level: 1 })).toBeVisible();
  await expectAccessible(page);
  const passwordForm = page.locator('form').filter({ has: page.getByRole('button', { name: 'Change password' }) });
  await passwordForm.getByLabel('Current password').fill('not my password at all');
  await passwordForm.getByLabel('New password').fill('another fine harbour 12');
  await passwordForm.getByRole('button', { name: 'Change password' }).click();
  await expect(alert(page, 'current password is not correct')).toBeVisible();
  await passwordForm.getByLabel('Current password').fill(account.password);
  await passwordForm.getByLabel('New password').fill('another fine harbour 12');
  await passwordForm.getByRole('button', { name: 'Change password' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Password changed' })).toBeVisible();

  await page.reload();
  await expect(page.getByRole('heading', { name: 'Security', level: 1 })).toBeVisible();
  await other.goto('/sites');
  await expect(other).toHaveURL(/\/sign-in$/);
  await waitForMail(account.email, /Your password was changed/);
});
