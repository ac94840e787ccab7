import { randomUUID } from 'node:crypto';

import { expect as baseExpect, test } from '@playwright/test';

import { createAccount } from './accounts';
import { expectAccessible, screenshots, signIn } from './helpers';
import { uniqueEmail } from './mail';
import { invite, memberRow, openTeamPage } from './teams';

// Account pages hash passwords (argon2id) on a shared 2-core machine: allow them time.
const expect = baseExpect.configure({ timeout: 15_000 });

test('an owner invites a colleague by email, who joins, sees the team’s site and is given and taken roles; the audit log shows it', async ({
  page,
  browser,
}) => {
  test.setTimeout(240_000);
  const owner = await createAccount(page, 'owner');
  await signIn(page, owner.email, owner.password);
  await expect(page).toHaveURL(/\/sites$/);
  const domain = `team-${randomUUID().slice(0, 8)}.example.com`;
  await page.getByRole('link', { name: 'Add a site' }).click();
  await page.getByLabel('Domain').fill(domain);
  await page.getByRole('button', { name: 'Add site' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(domain);

  const teamId = await openTeamPage(page);
  await expect(page.getByRole('table', { name: 'What each team role may do' })).toBeVisible();
  await expectAccessible(page);
  await screenshots(page, 'team-page');

  // The colleague has no account yet: the invitation creates it.
  const colleague = { email: uniqueEmail('colleague'), password: 'quiet harbour lantern 42' };
  const link = await invite(page, colleague.email, 'Member');
  await expect(
    page.getByRole('region', { name: 'Invite someone' }).getByText(colleague.email, { exact: true }),
  ).toBeVisible();

  const theirs = await browser.newContext();
  const them = await theirs.newPage();
  await them.goto(link);
  await expect(them.getByRole('heading', { name: 'Join the team' })).toBeVisible();
  await expect(them.getByText(`The invitation is for ${colleague.email}`)).toBeVisible();
  await expectAccessible(them);
  await screenshots(them, 'invitation');
  await them.getByLabel('Choose a password').fill(colleague.password);
  await them.getByRole('button', { name: 'Create account and join' }).click();
  await expect(them.getByRole('status')).toContainText('you have joined the team');
  await them.getByLabel('Email').fill(colleague.email);
  await them.getByLabel('Password').fill(colleague.password);
  await them.getByRole('button', { name: 'Sign in' }).click();
  await expect(them).toHaveURL(/\/sites$/);
  await expect(them.getByRole('link', { name: domain })).toBeVisible();
  // The link worked once.
  await them.goto(link);
  await expect(them.getByText('This invitation is not valid any more')).toBeVisible();
  // A member sees the team but not its audit log (403).
  const forbidden = await them.goto(`/teams/${teamId}/audit`);
  expect(forbidden?.status()).toBe(403);
  await expect(them.getByRole('heading', { name: 'Not allowed' })).toBeVisible();

  // The owner makes them an admin, then a member again: lowering a role signs them out everywhere.
  await page.reload();
  const row = memberRow(page, colleague.email);
  await row.getByLabel(`Role of ${colleague.email}`).selectOption({ label: 'Admin' });
  await row.getByRole('button', { name: 'Change role' }).click();
  await expect(row).toContainText('Admin ·');
  await them.goto(`/teams/${teamId}/audit`);
  await expect(them.getByRole('heading', { name: /entries$/ })).toBeVisible();
  await memberRow(page, colleague.email).getByLabel(`Role of ${colleague.email}`).selectOption({ label: 'Member' });
  await memberRow(page, colleague.email).getByRole('button', { name: 'Change role' }).click();
  await expect(memberRow(page, colleague.email)).toContainText('Member ·');
  await them.reload();
  await expect(them).toHaveURL(/\/sign-in/);
  await theirs.close();

  // The audit log names each step, and filters by action.
  await page.getByRole('navigation', { name: 'Team' }).getByRole('link', { name: 'Audit log' }).click();
  await expect(page).toHaveURL(new RegExp(`/teams/${teamId}/audit$`));
  const entries = page.getByRole('table').getByRole('row');
  for (const label of ['Site added', 'Invitation sent', 'Invitation accepted', 'Role changed']) {
    await expect(entries.filter({ hasText: label }).first()).toBeVisible();
  }
  await expectAccessible(page);
  await screenshots(page, 'audit-log');
  await page.getByLabel('Action').selectOption({ label: 'Role changed' });
  await page.getByRole('button', { name: 'Filter' }).click();
  await expect(page).toHaveURL(/action=member.role_changed/);
  await expect(page.getByRole('heading', { name: '2 entries' })).toBeVisible();
  await expect(entries.filter({ hasText: 'Member → Admin' })).toHaveCount(1);
  await expect(entries.filter({ hasText: 'Admin → Member' })).toHaveCount(1);
});
