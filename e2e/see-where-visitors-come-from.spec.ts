import { expect, test } from '@playwright/test';

import { expectAccessible, metricValue, readCount, signIn } from './helpers';

test('the countries come with a world map; clicking a country filters the dashboard', async ({ page }) => {
  await signIn(page);
  await expect(page).toHaveURL(/\/sites$/);
  await page.getByRole('link', { name: /demo\.glance\.local/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('demo.glance.local');
  const all = await readCount(metricValue(page, 'Unique visitors'));

  const locations = page.getByRole('region', { name: 'Locations' });
  const map = locations.getByTestId('country-map');
  await expect(map).toBeVisible();
  // The map is a picture for sighted mouse users; the table keeps the same numbers for everyone.
  await expect(map).toHaveAttribute('aria-hidden', 'true');
  await expect(locations.getByRole('row').filter({ hasText: 'Germany' })).toHaveCount(1);
  await expect(map.locator('[data-country="DE"] title')).toHaveText(/^Germany: \d+ visitors?$/);
  await expect(map.locator('[data-country]')).not.toHaveCount(0);
  await expectAccessible(page);
  await locations.screenshot({ path: 'test-results/screenshots/world-map-desktop.png' });

  await map.locator('[data-country="DE"]').click();
  await expect(page).toHaveURL(/f=country%3Ais%3ADE/);
  await expect(page.getByRole('group', { name: 'Filters' })).toContainText('Country is DE');
  const germans = await readCount(metricValue(page, 'Unique visitors'));
  expect(germans).toBeGreaterThan(0);
  expect(germans).toBeLessThan(all);
  // Only Germany is left on the map.
  await expect(map.locator('[data-country]')).toHaveCount(1);

  await page.setViewportSize({ width: 390, height: 844 });
  await expect(map).toBeVisible();
  await locations.screenshot({ path: 'test-results/screenshots/world-map-phone.png' });
});
