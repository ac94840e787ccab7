import { expect as baseExpect, test } from '@playwright/test';

import { createAccount } from './accounts';
import { expectAccessible, screenshots, signIn } from './helpers';

// Account pages hash passwords (argon2id) on a shared 2-core machine: allow them time.
const expect = baseExpect.configure({ timeout: 15_000 });

test('a customer sees their active sessions and revoking one signs that browser out', async ({ page, browser }) => {
  test.setTimeout(150_000);
  const account = await createAccount(page, 'sessions');
  await signIn(page, account.email, account.password);
  await expect(page).toHaveURL(/\/sites$/);

  // Another browser, a phone this time.
  const phone = await browser.newPage({
    userAgent:
      'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1',
  });
  await signIn(phone, account.email, account.password);
  await expect(phone).toHaveURL(/\/sites$/);

  await page.goto('/settings/security');
  const sessions = page.getByRole('list', { name: 'Active sessions' }).getByRole('listitem');
  await expect(sessions).toHaveCount(2);
  await expect(sessions.filter({ hasText: 'This browser' })).toContainText('Computer');
  const other = sessions.filter({ hasText: 'Phone' });
  await expect(other).toContainText('with password');
  await expectAccessible(page);
  await screenshots(page, 'sessions');

  await other.getByRole('button', { name: /^Revoke/ }).click();
  await expect(sessions).toHaveCount(1);
  await expect(sessions).toContainText('This browser');

  // The phone is signed out at once, on its next request.
  await phone.goto('/sites');
  await expect(phone).toHaveURL(/\/sign-in$/);
  // This browser is still signed in.
  await page.goto('/sites');
  await expect(page).toHaveURL(/\/sites$/);
});
