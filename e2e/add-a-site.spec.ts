import { randomUUID } from 'node:crypto';

import { expect, test } from '@playwright/test';

import { expectAccessible, metricValue, screenshots, signIn } from './helpers';

const DESKTOP_CHROME =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36';

test('an owner adds a site, copies the snippet and sees the first hit arrive', async ({ page, request, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const domain = `blog-${randomUUID().slice(0, 8)}.example.com`;
  await signIn(page);
  await page.getByRole('link', { name: 'Add a site' }).click();
  await expect(page.getByRole('heading', { name: 'Add a site' })).toBeVisible();
  await expectAccessible(page);

  // Invalid input is explained next to the field, and nothing is created.
  await page.getByLabel('Domain').fill('not a domain');
  await page.getByRole('button', { name: 'Add site' }).click();
  await expect(page.getByText('Enter a domain such as example.com')).toBeVisible();

  // Scheme, www. and path are forgiven.
  await page.getByLabel('Domain').fill(`https://www.${domain.toUpperCase()}/blog`);
  await page.getByLabel('Time zone for reports').selectOption('Europe/Paris');
  await page.getByRole('button', { name: 'Add site' }).click();
  await expect(page).toHaveURL(/\/sites\/[a-z0-9]{20,}$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(domain);
  await expect(page.getByText('Europe/Paris')).toBeVisible();

  const snippet = page.getByLabel('Tracking snippet');
  await expect(snippet).toContainText(`data-domain="${domain}"`);
  await expect(snippet).toContainText('/js/script.js');
  await page.getByRole('button', { name: 'Copy' }).click();
  await expect(page.getByRole('button', { name: 'Copied' })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toContain(`data-domain="${domain}"`);
  await expect(page.getByRole('status')).toHaveText('Waiting for the first pageview…');
  await expectAccessible(page);
  await screenshots(page, 'add-a-site-waiting');

  // The site's first pageview arrives (as the tracker would send it)...
  const hit = await request.post('/api/event', {
    headers: { 'content-type': 'text/plain', 'user-agent': DESKTOP_CHROME },
    data: JSON.stringify({ n: 'pageview', u: `https://${domain}/hello`, d: domain, r: null, w: 1440 }),
  });
  expect(hit.status()).toBe(202);
  // ...the check turns green and stays so; the dashboard then counts it, and the panel is gone.
  await expect(page.getByRole('status')).toHaveText('Your first event arrived: Glance is counting.', {
    timeout: 15_000,
  });
  await page.getByRole('button', { name: 'Show the numbers' }).click();
  await expect(metricValue(page, 'Unique visitors')).toHaveText('1');
  await expect(page.getByRole('region', { name: 'Install the script' })).toHaveCount(0);
  await expect(page.getByRole('cell', { name: '/hello' })).toBeVisible();
});

test('a domain that is already registered is refused with an explanation', async ({ page }) => {
  await signIn(page);
  await expect(page).toHaveURL(/\/sites$/);
  await page.goto('/sites/new');
  await page.getByLabel('Domain').fill('demo.glance.local');
  await page.getByRole('button', { name: 'Add site' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'already registered' })).toContainText(
    'demo.glance.local is already registered with Glance',
  );
  await expect(page).toHaveURL(/\/sites\/new$/);
});
