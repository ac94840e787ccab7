import { randomUUID } from 'node:crypto';

import { expect as baseExpect, test } from '@playwright/test';
import pg from 'pg';

import { cookieNameFor, DASHBOARD_COOKIES } from '../lib/legal/cookies';
import { createAccount } from './accounts';
import { expectAccessible, screenshots, signIn } from './helpers';
import { invite, openTeamPage, turnOnTotp } from './teams';

// Account pages hash passwords (argon2id) on a shared 2-core machine: allow them time.
const expect = baseExpect.configure({ timeout: 15_000 });

async function countSites(domain: string): Promise<number> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: string }>('SELECT count(*) AS n FROM "Site" WHERE domain = $1', [domain]);
    return Number(rows[0]!.n);
  } finally {
    await client.end();
  }
}

test('a team that requires two-factor authentication keeps a member without it out, until they turn it on; accounts are deleted for good', async ({
  page,
  browser,
}) => {
  test.setTimeout(300_000);
  const owner = await createAccount(page, 'strict-owner');
  await signIn(page, owner.email, owner.password);
  await expect(page).toHaveURL(/\/sites$/);
  const domain = `strict-${randomUUID().slice(0, 8)}.example.com`;
  await page.getByRole('link', { name: 'Add a site' }).click();
  await page.getByLabel('Domain').fill(domain);
  await page.getByRole('button', { name: 'Add site' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(domain);
  const siteUrl = new URL(page.url()).pathname;

  // An existing account is invited; it accepts after signing in from the invitation.
  const theirs = await browser.newContext();
  const them = await theirs.newPage();
  const member = await createAccount(them, 'strict-member');
  const teamId = await openTeamPage(page);
  const link = await invite(page, member.email, 'Member');
  await them.goto(link);
  await them.getByRole('link', { name: `Sign in as ${member.email} to accept` }).click();
  await them.getByLabel('Email').fill(member.email);
  await them.getByLabel('Password').fill(member.password);
  await them.getByRole('button', { name: 'Sign in' }).click();
  await them.getByRole('button', { name: 'Accept and join the team' }).click();
  await expect(them).toHaveURL(/\/sites$/);
  await expect(them.getByRole('link', { name: domain })).toBeVisible();
  // Joining made it their current team: the preference cookie the cookie statement describes.
  const teamCookieDoc = DASHBOARD_COOKIES.find((cookie) => cookie.name === 'glance.team')!;
  const teamCookie = (await theirs.cookies()).find(
    (cookie) => cookie.name === cookieNameFor(teamCookieDoc, new URL(them.url()).origin),
  );
  expect(teamCookie).toMatchObject({ value: teamId, httpOnly: true, sameSite: teamCookieDoc.sameSite });

  // Requiring 2FA needs the owner's own first.
  const policy = page.getByRole('region', { name: 'Two-factor authentication' });
  await policy.getByRole('button', { name: 'Require two-factor authentication' }).click();
  await expect(policy.getByRole('alert')).toContainText('Turn on two-factor authentication for your own account first');
  await turnOnTotp(page, owner.password);
  await page.goto(`/teams/${teamId}`);
  await policy.getByRole('button', { name: 'Require two-factor authentication' }).click();
  await expect(policy.getByRole('status')).toHaveText('Two-factor authentication is now required of every member.');

  // The member is told, and sees none of the team's data.
  await them.goto('/sites');
  await expect(them.getByRole('alert').filter({ hasText: 'requires two-factor authentication' })).toBeVisible();
  await expect(them.getByRole('link', { name: domain })).toHaveCount(0);
  await expectAccessible(them);
  await screenshots(them, 'two-factor-required');
  await them.goto(siteUrl);
  await expect(them).toHaveURL(new RegExp(`/teams/${teamId}$`));
  await expect(them.getByRole('heading', { name: 'Two-factor authentication required' })).toBeVisible();
  const exported = await them.request.get(`/api${siteUrl}/export`);
  expect(exported.status()).toBe(403);
  expect((await exported.json()).error).toContain('requires two-factor authentication');

  // Once they turn it on, the team's data is back.
  await turnOnTotp(them, member.password);
  await them.goto(siteUrl);
  await expect(them.getByRole('heading', { level: 1 })).toHaveText(domain);

  // The member deletes their account: typed email and password, then it is gone.
  await them.goto('/settings/security');
  const deletion = them.getByRole('region', { name: 'Delete your account' });
  await deletion.getByLabel(`Type ${member.email} to confirm`).fill(member.email);
  await deletion.getByLabel('Current password').fill('not my password at all');
  await deletion.getByRole('button', { name: 'Delete my account' }).click();
  await expect(deletion.getByRole('alert')).toContainText('current password is not correct');
  await deletion.getByLabel('Current password').fill(member.password);
  await deletion.getByRole('button', { name: 'Delete my account' }).click();
  await expect(them).toHaveURL(/\/sign-in\?deleted=1$/);
  await expect(them.getByRole('status')).toContainText('Your account and everything only it held have been deleted');
  await them.getByLabel('Email').fill(member.email);
  await them.getByLabel('Password').fill(member.password);
  await them.getByRole('button', { name: 'Sign in' }).click();
  await expect(them.getByRole('alert').filter({ hasText: 'do not match an account' })).toBeVisible();
  await theirs.close();

  // A second team, created from the switcher's page and deleted from its own page.
  await page.goto('/teams/new');
  await page.getByLabel('Team name').fill('Side project');
  await page.getByRole('button', { name: 'Create team' }).click();
  await expect(page).toHaveURL(/\/teams\/[a-z0-9]{20,}$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Side project');
  await expect(page.locator('header summary')).toContainText('Side project');
  const sideProject = page.url();
  await page.goto('/sites');
  await expect(page.getByText('You have no sites yet.')).toBeVisible();
  // Switching back to the first team brings its site list back.
  await page.locator('header summary').click();
  await page.getByRole('button', { name: `${owner.email.split('@')[0]}'s team` }).click();
  await expect(page.getByRole('link', { name: domain })).toBeVisible();
  await expect(page.locator('header summary')).not.toContainText('Side project');
  await page.goto(sideProject);
  const deleteTeam = page.getByRole('region', { name: 'Delete this team' });
  await deleteTeam.getByLabel('Type Side project to confirm').fill('Side project');
  await deleteTeam.getByLabel('Your password').fill('not my password at all');
  await deleteTeam.getByRole('button', { name: 'Delete this team and all its data' }).click();
  await expect(deleteTeam.getByRole('alert')).toContainText('current password is not correct');
  await deleteTeam.getByLabel('Your password').fill(owner.password);
  await deleteTeam.getByRole('button', { name: 'Delete this team and all its data' }).click();
  await expect(page).toHaveURL(/\/sites$/);
  await expect(page.locator('header summary')).not.toContainText('Side project');
  await expect(page.getByRole('link', { name: domain })).toBeVisible();

  // The owner, now alone in the team, deletes their account: the team's site goes with it.
  await page.goto('/settings/security');
  const mine = page.getByRole('region', { name: 'Delete your account' });
  await expect(mine).toContainText('Deleted with it:');
  await expectAccessible(page);
  await mine.getByLabel(`Type ${owner.email} to confirm`).fill(owner.email);
  await mine.getByLabel('Current password').fill(owner.password);
  await mine.getByRole('button', { name: 'Delete my account' }).click();
  await expect(page).toHaveURL(/\/sign-in\?deleted=1$/);
  expect(await countSites(domain)).toBe(0);
});
