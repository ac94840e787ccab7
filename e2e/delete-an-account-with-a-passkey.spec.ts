import { expect as baseExpect, test } from '@playwright/test';

import { createAccount } from './accounts';
import { signIn } from './helpers';

// Account pages hash passwords (argon2id) on a shared 2-core machine: allow them time.
const expect = baseExpect.configure({ timeout: 15_000 });

test('a customer confirms the deletion of their account with a passkey instead of the password', async ({
  page,
  context,
}) => {
  const cdp = await context.newCDPSession(page);
  await cdp.send('WebAuthn.enable', { enableUI: false });
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
  const account = await createAccount(page, 'passkey-leaver');
  await signIn(page, account.email, account.password);
  await expect(page).toHaveURL(/\/sites$/);
  await page.goto('/settings/security');
  const passkeys = page.getByRole('region', { name: 'Passkeys' });
  await passkeys.getByLabel('Name', { exact: true }).fill('Laptop');
  await passkeys.getByLabel('Current password').last().fill(account.password);
  await passkeys.getByRole('button', { name: 'Add a passkey' }).click();
  await expect(passkeys.getByRole('status').filter({ hasText: 'Passkey “Laptop” added.' })).toBeVisible();

  const deletion = page.getByRole('region', { name: 'Delete your account' });
  await deletion.getByLabel(`Type ${account.email} to confirm`).fill(account.email);
  // A passkey that does not verify the user confirms nothing.
  await cdp.send('WebAuthn.setResponseOverrideBits', { authenticatorId, isBadUV: true });
  await deletion.getByRole('button', { name: 'Delete with a passkey instead' }).click();
  await expect(deletion.getByRole('alert').filter({ hasText: 'did not confirm it is you' })).toBeVisible();
  await cdp.send('WebAuthn.setResponseOverrideBits', { authenticatorId, isBadUV: false });
  await deletion.getByRole('button', { name: 'Delete with a passkey instead' }).click();
  await expect(page).toHaveURL(/\/sign-in\?deleted=1$/);
  await expect(page.getByRole('status')).toContainText('have been deleted');
});
