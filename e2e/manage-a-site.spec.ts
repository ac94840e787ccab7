import { randomUUID } from 'node:crypto';

import { expect, test } from '@playwright/test';

import { expectAccessible, screenshots, signIn } from './helpers';

// Headless Chromium announces itself as HeadlessChrome, which ingest drops as a bot before anything else.
test.use({
  userAgent: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
});

test('an owner adds goals to a site, excludes their own address, then deletes the site for good', async ({ page }) => {
  await signIn(page);
  await expect(page).toHaveURL(/\/sites$/);
  const domain = `manage-${randomUUID().slice(0, 8)}.example.org`;
  await page.goto('/sites/new');
  await page.getByLabel('Domain').fill(domain);
  await page.getByRole('button', { name: 'Add site' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(domain);
  const dashboard = new URL(page.url()).pathname;

  await page.getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Settings for ${domain}`);
  await page.getByLabel('Custom event name').fill('Signup');
  await page.getByRole('button', { name: 'Add event goal' }).click();
  await expect(page.getByText('Goal “Signup” added.')).toBeVisible();
  await page.getByLabel(/Page path/).fill('no slash');
  await page.getByRole('button', { name: 'Add pageview goal' }).click();
  await expect(page.getByText(/A path starts with \//)).toBeVisible();
  await page.getByLabel(/Page path/).fill('/thank-you/**');
  await page.getByRole('button', { name: 'Add pageview goal' }).click();
  await expect(page.getByText('Goal “Visit /thank-you/**” added.')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Goals' }).getByRole('listitem')).toHaveText([
    /Signup/,
    /Visit \/thank-you\/\*\*/,
  ]);
  await page.getByRole('button', { name: 'Remove goal Signup' }).click();
  await expect(page.getByRole('region', { name: 'Goals' }).getByRole('listitem')).toHaveText([/Visit \/thank-you/]);

  // Excluding this browser's own address: its hits are then dropped before anything is stored.
  // Sent by the browser itself, so it comes from the address the settings page saw.
  const hit = () =>
    page.evaluate(async (siteDomain) => {
      const response = await fetch('/api/event', {
        method: 'POST',
        headers: { 'content-type': 'text/plain' },
        body: JSON.stringify({ n: 'pageview', u: `https://${siteDomain}/`, d: siteDomain }),
      });
      return { status: response.status, dropped: response.headers.get('x-glance-dropped') };
    }, domain);
  await page.getByLabel('IP addresses to exclude').fill('10.0.0.300');
  await page.getByRole('button', { name: 'Exclude these addresses' }).click();
  await expect(page.getByText('Not an IP address: 10.0.0.300')).toBeVisible();
  await page.getByRole('button', { name: 'Exclude my current address' }).click();
  await expect(page.getByText('Your current address is excluded. The list holds 1.')).toBeVisible();
  expect(await hit()).toEqual({ status: 202, dropped: 'excluded-ip' });
  await expectAccessible(page);
  await screenshots(page, 'site-settings');
  await page.getByRole('button', { name: 'Clear the list' }).click();
  await expect(page.getByText('The list is empty')).toBeVisible();
  expect(await hit()).toEqual({ status: 202, dropped: null });

  // The goal is on the dashboard, with no conversions yet.
  await page.goto(dashboard);
  await expect(page.getByRole('region', { name: 'Goals' })).toContainText('Nothing to show for this period.');

  // Deleting needs the domain typed back; then the site and its dashboard are gone.
  await page.goto(`${dashboard}/settings`);
  await page.getByLabel(/to confirm/).fill('wrong.example.org');
  await page.getByRole('button', { name: 'Delete this site and all its data' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'to confirm' })).toHaveText(`Type ${domain} to confirm.`);
  await page.getByLabel(/to confirm/).fill(domain);
  await page.getByRole('button', { name: 'Delete this site and all its data' }).click();
  await expect(page).toHaveURL(/\/sites$/);
  await expect(page.getByText(domain)).toHaveCount(0);
  expect((await page.goto(dashboard))?.status()).toBe(404);
});
