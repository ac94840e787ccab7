// A visitor whose system is set to dark sees every page dark, and still readable: axe's contrast
// checks pass on the public pages, the sign-in page, the dashboard and the site settings.
import { expect, test } from '@playwright/test';

import { expectAccessible, screenshots, signIn } from './helpers';

test.use({ colorScheme: 'dark' });

const DEMO_DOMAIN = 'demo.glance.local';

/** The page background really is dark (the palette swapped), not just the browser's form controls. */
async function expectDarkBackground(page: import('@playwright/test').Page) {
  const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const [r, g, b] = background.match(/\d+/g)!.map(Number);
  expect(0.2126 * r! + 0.7152 * g! + 0.0722 * b!).toBeLessThan(40);
}

test('public pages are dark and readable in dark mode', async ({ page }) => {
  for (const [path, name] of [
    ['/', 'landing'],
    ['/pricing', 'pricing'],
    ['/docs', 'docs'],
    ['/sign-in', 'sign-in'],
  ] as const) {
    await page.goto(path);
    await expectDarkBackground(page);
    await expectAccessible(page);
    await screenshots(page, `dark-${name}`);
  }
});

test('the dashboard and site settings are dark and readable in dark mode', async ({ page }) => {
  await signIn(page);
  await expect(page).toHaveURL(/\/sites$/);
  await page.getByRole('link', { name: new RegExp(DEMO_DOMAIN) }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(DEMO_DOMAIN);
  await expectDarkBackground(page);
  await expectAccessible(page);
  await screenshots(page, 'dark-dashboard');
  await page.getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Settings for ${DEMO_DOMAIN}`);
  await expectAccessible(page);
  await screenshots(page, 'dark-site-settings');
});
