// Another team's customer, and a signed-out visitor, try every page and API route that takes a site id
// with the demo team's site: they get 404 (or the sign-in page / 401), and nothing of the site shows.
// lib/teams/tenant-isolation.db.test.ts does the same for every server action, at the library level.
import { expect as baseExpect, test, type APIResponse, type Response } from '@playwright/test';

import { createAccount } from './accounts';
import { signIn } from './helpers';

const expect = baseExpect.configure({ timeout: 15_000 });
const DEMO_DOMAIN = 'demo.glance.local';

/** Every page and API route of the app that names a site in its path (keep in step with app/). */
const SITE_PAGES = ['', '/settings', '/breakdown/page', '/breakdown/source?period=7d'];
const SITE_API = ['/status', '/realtime', '/export?format=zip&period=30d', '/export?dimension=page&period=7d'];

test('another team and a signed-out visitor cannot read or reach a site that is not theirs', async ({
  page,
  browser,
}) => {
  test.setTimeout(150_000);
  // The demo team's site id, as its owner sees it in the address bar.
  await signIn(page);
  await expect(page).toHaveURL(/\/sites$/);
  await page.getByRole('link', { name: new RegExp(DEMO_DOMAIN) }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(DEMO_DOMAIN);
  const siteId = new URL(page.url()).pathname.split('/')[2]!;
  // Ids are not guessable: no counting through them.
  expect(siteId).toMatch(/^[a-z0-9]{20,}$/);
  expect((await page.request.get(`/api/sites/${siteId}/status`)).status()).toBe(200);

  const outsider = await browser.newPage();
  const account = await createAccount(outsider, 'outsider');
  await signIn(outsider, account.email, account.password);
  await expect(outsider).toHaveURL(/\/sites$/);
  await expect(outsider.getByText(DEMO_DOMAIN)).toHaveCount(0);

  const hidesSite = async (response: APIResponse | Response | null, expected: number) => {
    expect(response?.status()).toBe(expected);
    expect(await response?.text()).not.toContain(DEMO_DOMAIN);
  };
  for (const path of SITE_PAGES) {
    await hidesSite(await outsider.goto(`/sites/${siteId}${path}`), 404);
  }
  for (const path of SITE_API) {
    await hidesSite(await outsider.request.get(`/api/sites/${siteId}${path}`), 404);
  }

  const stranger = await browser.newPage();
  for (const path of SITE_PAGES) {
    await stranger.goto(`/sites/${siteId}${path}`);
    await expect(stranger).toHaveURL(/\/sign-in/);
    await expect(stranger.getByText(DEMO_DOMAIN)).toHaveCount(0);
  }
  for (const path of SITE_API) {
    await hidesSite(await stranger.request.get(`/api/sites/${siteId}${path}`), 401);
  }

  // A made-up id gets the same answer as a real one of another team: existence is not revealed.
  await hidesSite(await outsider.request.get(`/api/sites/${'x'.repeat(25)}/status`), 404);
  await outsider.close();
  await stranger.close();
});
