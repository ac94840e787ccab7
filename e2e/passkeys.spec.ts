import { expect as baseExpect, test, type CDPSession, type Page } from '@playwright/test';

import { createAccount } from './accounts';
import { expectAccessible, screenshots, signIn } from './helpers';

// Account pages hash passwords (argon2id) on a shared 2-core machine: allow them time.
const expect = baseExpect.configure({ timeout: 15_000 });

/** A platform authenticator with user verification, as in SECURITY-NOTES.md. */
async function addVirtualAuthenticator(cdp: CDPSession) {
  const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: {
      protocol: 'ctap2',
      ctap2Version: 'ctap2_1',
      transport: 'internal',
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  });
  return authenticatorId;
}

async function addPasskey(page: Page, name: string, password: string) {
  const panel = page.getByRole('region', { name: 'Passkeys' });
  await panel.getByLabel('Name', { exact: true }).fill(name);
  await panel.getByLabel('Current password').last().fill(password);
  await panel.getByRole('button', { name: 'Add a passkey' }).click();
  await expect(panel.getByRole('status').filter({ hasText: `Passkey “${name}” added.` })).toBeVisible();
}

test('a customer registers two passkeys, names and removes them, and signs in without a password', async ({
  page,
  context,
}) => {
  test.setTimeout(180_000);
  const cdp = await context.newCDPSession(page);
  await cdp.send('WebAuthn.enable', { enableUI: false });
  const laptop = await addVirtualAuthenticator(cdp);

  const account = await createAccount(page, 'passkey');
  await signIn(page, account.email, account.password);
  await expect(page).toHaveURL(/\/sites$/);
  await page.goto('/settings/security');
  const panel = page.getByRole('region', { name: 'Passkeys' });
  await expect(panel.getByText('You have no passkeys yet.')).toBeVisible();

  await addPasskey(page, 'Laptop', account.password);
  const list = panel.getByRole('list', { name: 'Your passkeys' });
  await expect(list.getByRole('listitem')).toHaveCount(1);

  // A second device: the first authenticator goes away, another one registers.
  await cdp.send('WebAuthn.removeVirtualAuthenticator', { authenticatorId: laptop });
  await addVirtualAuthenticator(cdp);
  await addPasskey(page, 'Phone', account.password);
  await expect(list.getByRole('listitem')).toHaveCount(2);

  // Rename the phone's passkey.
  await list.getByText('Rename or remove “Phone”').click();
  await list.getByLabel('New name').last().fill('Pocket phone');
  await list.getByRole('button', { name: 'Rename' }).last().click();
  await expect(list.getByText('Pocket phone', { exact: true })).toBeVisible();
  await expectAccessible(page);
  await screenshots(page, 'passkeys');

  // Passwordless sign-in with the phone's passkey (user-verified: no second factor asked).
  await page.getByRole('button', { name: 'Sign out', exact: true }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await page.getByRole('button', { name: 'Use a passkey' }).click();
  await expect(page).toHaveURL(/\/sites$/);

  // Remove the laptop's passkey (password required); the list shows only the phone.
  await page.goto('/settings/security');
  await list.getByText('Rename or remove “Laptop”').click();
  await list.getByLabel('Current password').first().fill(account.password);
  await list.getByRole('button', { name: 'Remove passkey' }).first().click();
  await expect(list.getByRole('listitem')).toHaveCount(1);
  await expect(list.getByText('Pocket phone', { exact: true })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Security', level: 1 })).toBeVisible();
});
