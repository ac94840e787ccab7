import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

export const DEMO = { email: 'demo@glance.local', password: 'glance-demo-password' };

/** Fails the test with the list of WCAG A/AA violations on the current page. */
export async function expectAccessible(page: Page) {
  // After a server action the page refreshes and Next.js streams its metadata again: wait until the
  // title is back (it must be), so that axe looks at the settled page, not at the refresh in flight.
  await expect(page).toHaveTitle(/\S/);
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

/** Saves a full-page screenshot at phone and desktop widths, for people to look at. */
export async function screenshots(page: Page, name: string) {
  for (const [label, size] of [
    ['phone', { width: 390, height: 844 }],
    ['desktop', { width: 1280, height: 900 }],
  ] as const) {
    await page.setViewportSize(size);
    await page.screenshot({ path: `test-results/screenshots/${name}-${label}.png`, fullPage: true });
  }
}

export async function signIn(page: Page, email = DEMO.email, password = DEMO.password) {
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** The value shown under a top-line metric's title ("Unique visitors", "Pageviews"...). */
export function metricValue(page: Page, title: string) {
  return page.locator('dt', { hasText: title }).locator('xpath=following-sibling::dd[1]');
}

/** A number as the dashboard writes it ("1,234"; compact forms such as "12.3K" are avoided by callers). */
export async function readCount(locator: ReturnType<Page['locator']>): Promise<number> {
  return Number((await locator.textContent())?.replace(/[^\d.]/g, '') ?? 'NaN');
}
