import { expect, test } from '@playwright/test';

import { DEMO, expectAccessible, metricValue, readCount, screenshots, signIn } from './helpers';

test('signed-out visitors are sent to the sign-in page', async ({ page }) => {
  await page.goto('/sites');
  await expect(page).toHaveURL(/\/sign-in$/);
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await expectAccessible(page);
});

test('a wrong password is refused with a clear message', async ({ page }) => {
  await signIn(page, DEMO.email, 'not-the-right-password');
  await expect(page.getByRole('alert').filter({ hasText: 'do not match' })).toHaveText(
    'That email and password do not match an account.',
  );
  await expect(page).toHaveURL(/\/sign-in$/);
});

test('the demo user signs in and sees the seeded site dashboard', async ({ page }) => {
  await signIn(page);
  await expect(page).toHaveURL(/\/sites$/);
  await expect(page.getByRole('heading', { name: 'Sites' })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole('link', { name: /demo\.glance\.local/ }).click();
  await expect(page).toHaveURL(/\/sites\/[a-z0-9]{20,}$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('demo.glance.local');

  // Thirty days of demo traffic: several thousand visitors, all widgets filled.
  const visitors = metricValue(page, 'Unique visitors');
  const count = await readCount(visitors);
  expect(count).toBeGreaterThan(1000);
  await expect(page.getByRole('img', { name: /Visitors per day over 30 days/ })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Pages' }).getByRole('table')).toContainText('/');
  await expect(page.getByRole('link', { name: 'Google', exact: true })).toBeVisible();
  await expect(page.getByRole('link', { name: /United States/ })).toBeVisible();
  await expectAccessible(page);
  await screenshots(page, 'dashboard');

  // The demo has 30 days of traffic: the 30 days before are empty, so the metrics are "new".
  await expect(page.getByText('new', { exact: true }).first()).toBeVisible();

  // A shorter period is a shareable URL with fewer visitors and one point per day.
  await page.locator('summary', { hasText: 'Last 30 days' }).click();
  await page.getByRole('link', { name: /Last 7 days/ }).click();
  await expect(page).toHaveURL(/\?period=7d$/);
  await expect(page.getByRole('img', { name: /Visitors per day over 7 days/ })).toBeVisible();
  const weekly = await readCount(visitors);
  expect(weekly).toBeGreaterThan(0);
  expect(weekly).toBeLessThan(count);
  // The week before has traffic: every metric compares with it (moved, or no change; none "new").
  await expect(page.getByText('new', { exact: true })).toHaveCount(0);
  const moved = await page.getByText(/from the previous period/).count();
  const unchanged = await page.getByText('no change', { exact: true }).count();
  expect(moved).toBeGreaterThan(0);
  expect(moved + unchanged).toBe(6);
  await page.goto(`${new URL(page.url()).pathname}?period=nonsense`);
  await expect(page.locator('summary', { hasText: 'Last 30 days' })).toBeVisible();

  // Signing out ends the session: the dashboard is no longer reachable.
  await page.getByRole('button', { name: 'Sign out', exact: true }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await page.goto('/sites');
  await expect(page).toHaveURL(/\/sign-in$/);
});

test('a site id the user has no access to is a 404', async ({ page }) => {
  await signIn(page);
  await expect(page).toHaveURL(/\/sites$/);
  const response = await page.goto('/sites/doesnotexist0000000000000');
  expect(response?.status()).toBe(404);
});
