import { expect as baseExpect, test, type Page } from '@playwright/test';
import { Secret, TOTP } from 'otpauth';

import { createAccount } from './accounts';
import { expectAccessible, screenshots, signIn } from './helpers';

// Account pages hash passwords (argon2id) on a shared 2-core machine: allow them time.
const expect = baseExpect.configure({ timeout: 15_000 });

/** The code an authenticator app would show `offset` seconds from now. */
const codeFor = (secret: string, offset = 0) =>
  new TOTP({ secret: Secret.fromBase32(secret.replace(/\s/g, '')), digits: 6, period: 30, algorithm: 'SHA1' }).generate(
    { timestamp: Date.now() + offset * 1000 },
  );

async function signOut(page: Page) {
  await page.getByRole('button', { name: 'Sign out', exact: true }).click();
  await expect(page).toHaveURL(/\/sign-in/);
}

test('a customer turns on TOTP, then signs in with a code and with a recovery code', async ({ page }) => {
  test.setTimeout(180_000);
  const account = await createAccount(page, 'totp');
  await signIn(page, account.email, account.password);
  await expect(page).toHaveURL(/\/sites$/);

  await page.goto('/settings/security');
  const totp = page.getByRole('region', { name: 'Two-factor authentication' });
  await totp.getByRole('button', { name: 'Set up an authenticator app' }).click();
  await expect(page.getByRole('img', { name: /QR code/ })).toBeVisible();
  await expectAccessible(page);
  await screenshots(page, 'totp-setup');
  const secret = (await totp.locator('code').textContent())!;

  await totp.getByLabel('Code from the app').fill('000000');
  await totp.getByLabel('Current password').fill(account.password);
  await totp.getByRole('button', { name: 'Turn on' }).click();
  await expect(totp.getByText('That code does not match')).toBeVisible();
  await totp.getByLabel('Code from the app').fill(codeFor(secret));
  await totp.getByLabel('Current password').fill(account.password);
  await totp.getByRole('button', { name: 'Turn on' }).click();
  const codes = page.getByRole('list', { name: 'Recovery codes' }).getByRole('listitem');
  await expect(codes).toHaveCount(10);
  const recoveryCode = (await codes.nth(2).textContent())!;
  await expect(page.getByText('Since')).toBeVisible();
  await expectAccessible(page);
  await screenshots(page, 'totp-recovery-codes');

  // This browser stayed signed in (its session was rotated); now sign in again with a code.
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Security', level: 1 })).toBeVisible();
  await signOut(page);
  await signIn(page, account.email, account.password);
  await expect(page).toHaveURL(/\/two-factor$/);
  await expect(page.getByRole('heading', { name: 'Two-factor authentication' })).toBeVisible();
  await expectAccessible(page);
  await screenshots(page, 'two-factor');
  await page.getByLabel('Authentication code').fill('123456');
  await page.getByRole('button', { name: 'Verify' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'not valid' })).toBeVisible();
  // The setup used the current time step; the app's next code (one step of drift is allowed) is new.
  await page.getByLabel('Authentication code').fill(codeFor(secret, 30));
  await page.getByRole('button', { name: 'Verify' }).click();
  await expect(page).toHaveURL(/\/sites$/);

  // Without the phone: a recovery code, once.
  await signOut(page);
  await signIn(page, account.email, account.password);
  await expect(page).toHaveURL(/\/two-factor$/);
  await page.getByRole('button', { name: 'Use a recovery code instead' }).click();
  await page.getByLabel('Recovery code').fill(recoveryCode);
  await page.getByRole('button', { name: 'Verify' }).click();
  await expect(page).toHaveURL(/\/sites$/);
  await page.goto('/settings/security');
  await expect(page.getByText('9 of 10 recovery codes left')).toBeVisible();
});
