import { expect, test } from '@playwright/test';

import { expectAccessible, screenshots } from './helpers';

test('a visitor reads what Glance is and finds the way in', async ({ page }) => {
  const response = await page.goto('/');
  expect(response?.status()).toBe(200);
  await expect(page).toHaveTitle(/Glance/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('without watching your visitors');
  await expect(page.getByText('data-domain="example.com"')).toBeVisible();
  // The dashboard preview is the real widgets on a fixed sample, and says so.
  await expect(page.getByText('Sample data', { exact: true })).toBeVisible();
  await expect(page.getByRole('img', { name: /Visitors per day over 30 days/ })).toBeVisible();
  await expect(page.getByRole('link', { name: /Start your \d+-day free trial/ })).toHaveAttribute('href', '/sign-up');
  expect(await page.context().cookies()).toEqual([]);
  await expectAccessible(page);
  await screenshots(page, 'landing');
  await page.getByRole('link', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
});

test('an unknown page answers 404 with a way back', async ({ page }) => {
  const response = await page.goto('/no-such-page');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  await expectAccessible(page);
});

test('the health endpoint reports the database', async ({ request }) => {
  const response = await request.get('/api/health');
  expect(response.status()).toBe(200);
  expect(await response.json()).toMatchObject({ status: 'ok', database: 'up' });
  expect(response.headers()['cache-control']).toBe('no-store');
});
