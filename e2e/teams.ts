// Steps the team stories share: finding the team page from the header, inviting by email, reading
// the invitation link from the mail sink, and turning on TOTP for an account.
import { expect, type Page } from '@playwright/test';
import { Secret, TOTP } from 'otpauth';

import { linkIn, waitForMail } from './mail';

/** Opens the current team's page through the team switcher in the header. */
export async function openTeamPage(page: Page) {
  await page.locator('header summary').click();
  await page.getByRole('link', { name: 'Team settings' }).click();
  await expect(page).toHaveURL(/\/teams\/[a-z0-9]{20,}$/);
  await expect(page.getByRole('heading', { name: /^Members \(\d+\)$/ })).toBeVisible();
  return page.url().split('/teams/')[1]!;
}

export async function invite(page: Page, email: string, role: 'Member' | 'Admin') {
  const section = page.getByRole('region', { name: 'Invite someone' });
  await section.getByLabel('Email address').fill(email);
  await section.getByLabel('Role').selectOption({ label: role });
  await section.getByRole('button', { name: 'Send invitation' }).click();
  await expect(section.getByRole('status')).toHaveText(`Invitation sent to ${email}.`);
  return linkIn(await waitForMail(email, /invited to a team/));
}

/** The member's row in the team's member list. */
export const memberRow = (page: Page, email: string) =>
  page
    .getByRole('region', { name: /^Members/ })
    .getByRole('listitem')
    .filter({ hasText: email });

export async function turnOnTotp(page: Page, password: string) {
  await page.goto('/settings/security');
  const totp = page.getByRole('region', { name: 'Two-factor authentication' });
  await totp.getByRole('button', { name: 'Set up an authenticator app' }).click();
  const secret = (await totp.locator('code').textContent())!.replace(/\s/g, '');
  const code = new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30, algorithm: 'SHA1' }).generate();
  await totp.getByLabel('Code from the app').fill(code);
  await totp.getByLabel('Current password').fill(password);
  await totp.getByRole('button', { name: 'Turn on' }).click();
  await expect(page.getByRole('list', { name: 'Recovery codes' }).getByRole('listitem')).toHaveCount(10);
}
