import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

import { expect, test, type Page } from '@playwright/test';

import { expectAccessible, metricValue, readCount, screenshots, signIn } from './helpers';

/** Signs in as the demo owner and opens the demo site's settings; returns the dashboard's path. */
async function openDemoSettings(page: Page): Promise<string> {
  await signIn(page);
  await expect(page).toHaveURL(/\/sites$/);
  await page.getByRole('link', { name: /demo\.glance\.local/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('demo.glance.local');
  const dashboard = new URL(page.url()).pathname;
  await page.getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Settings for demo.glance.local');
  return dashboard;
}

async function createLink(page: Page, name: string, options: { password?: string; embed?: boolean } = {}) {
  const section = page.getByRole('region', { name: 'Shared links' });
  await section.getByLabel('Name').fill(name);
  await section.getByLabel('Password (optional)').fill(options.password ?? '');
  if (options.embed) await section.getByLabel(/Allow other websites to embed/).check();
  await section.getByRole('button', { name: 'Create shared link' }).click();
  await expect(section.getByText(`Shared link “${name}” created.`)).toBeVisible();
  const item = section.getByRole('listitem').filter({ hasText: name });
  return (await item.getByTestId('shared-link-url').textContent())!;
}

test('an owner shares a password-protected dashboard; a signed-out visitor opens it; revoking ends it', async ({
  page,
  browser,
}) => {
  const dashboard = await openDemoSettings(page);
  const name = `Investors ${randomUUID().slice(0, 6)}`;
  const url = await createLink(page, name, { password: 'board-meeting-2026' });
  expect(url).toMatch(/\/share\/[\w-]{22}$/);
  await expectAccessible(page);
  await screenshots(page, 'site-settings-shared-links');

  // What the owner sees for the last 30 days.
  await page.goto(dashboard);
  const ownerVisitors = await readCount(metricValue(page, 'Unique visitors'));
  expect(ownerVisitors).toBeGreaterThan(0);

  // A visitor without an account.
  const visitorContext = await browser.newContext();
  const visitor = await visitorContext.newPage();
  await visitor.goto(url);
  await expect(visitor.getByRole('heading', { name: 'This dashboard is password-protected' })).toBeVisible();
  await expect(visitor.getByText('demo.glance.local')).toHaveCount(0);
  await expectAccessible(visitor);
  await screenshots(visitor, 'shared-link-password');
  await visitor.getByLabel('Password').fill('not the password');
  await visitor.getByRole('button', { name: 'Show the dashboard' }).click();
  await expect(visitor.getByRole('alert').filter({ hasText: 'not right' })).toHaveText('That password is not right.');
  await visitor.getByLabel('Password').fill('board-meeting-2026');
  await visitor.getByRole('button', { name: 'Show the dashboard' }).click();
  await expect(visitor.getByRole('heading', { level: 1 })).toHaveText('demo.glance.local');
  expect(await readCount(metricValue(visitor, 'Unique visitors'))).toBe(ownerVisitors);
  // Read-only: no settings, no export.
  await expect(visitor.getByRole('link', { name: 'Settings' })).toHaveCount(0);
  await expect(visitor.getByText(/Export/)).toHaveCount(0);

  // Filters work and stay on the shared link.
  const sources = visitor.getByRole('region', { name: 'Sources' });
  const firstSource = sources.getByRole('row').nth(1).getByRole('link');
  const sourceName = (await firstSource.textContent())!.trim();
  await firstSource.click();
  await expect(visitor).toHaveURL(new RegExp(`/share/[\\w-]+\\?f=source%3Ais%3A`));
  await expect(visitor.getByRole('group', { name: 'Filters' })).toContainText(`Source is ${sourceName}`);
  expect(await readCount(metricValue(visitor, 'Unique visitors'))).toBeLessThan(ownerVisitors);
  await expectAccessible(visitor);
  await screenshots(visitor, 'shared-dashboard');

  // Every value of a breakdown, on the shared link too (without a CSV download).
  await visitor.goto(url);
  await visitor
    .getByRole('region', { name: 'Locations' })
    .getByRole('link', { name: /^All \d+ country values/ })
    .click();
  await expect(visitor).toHaveURL(/\/share\/[\w-]+\/breakdown\/country/);
  await expect(visitor.getByRole('heading', { level: 1 })).toHaveText('Country');
  await expect(visitor.getByRole('row').filter({ hasText: 'Germany' })).toHaveCount(1);
  await expect(visitor.getByRole('link', { name: 'Download CSV' })).toHaveCount(0);
  await expectAccessible(visitor);

  // The cookie that remembers the password is the documented one.
  const cookies = await visitorContext.cookies();
  expect(cookies.map((cookie) => cookie.name)).toEqual(['__Host-glance.share']);
  expect(cookies[0]!.httpOnly).toBe(true);

  // The owner revokes it: the visitor's next request is a 404, password or not.
  await page.goto(`${dashboard}/settings`);
  await page.getByRole('button', { name: `Revoke shared link ${name}` }).click();
  await expect(page.getByRole('region', { name: 'Shared links' }).getByText(name)).toHaveCount(0);
  expect((await visitor.reload())?.status()).toBe(404);
  await visitorContext.close();
});

test('only a link with embedding turned on may be framed, and it renders inside another site', async ({
  page,
  request,
  baseURL,
}) => {
  await openDemoSettings(page);
  const suffix = randomUUID().slice(0, 6);
  const section = page.getByRole('region', { name: 'Shared links' });

  // A password and embedding do not go together.
  await section.getByLabel('Name').fill(`Refused ${suffix}`);
  await section.getByLabel('Password (optional)').fill('some-password');
  await section.getByLabel(/Allow other websites to embed/).check();
  await section.getByRole('button', { name: 'Create shared link' }).click();
  await expect(section.getByText(/cannot be embedded/)).toBeVisible();
  await section.getByLabel(/Allow other websites to embed/).uncheck();

  const embeddable = await createLink(page, `Website ${suffix}`, { embed: true });
  const plain = await createLink(page, `Plain ${suffix}`);
  await expect(section.getByLabel(`Embed code for Website ${suffix}`)).toContainText(`${embeddable}/embed`);

  const embedResponse = await request.get(`${embeddable}/embed`);
  expect(embedResponse.status()).toBe(200);
  expect(embedResponse.headers()['content-security-policy']).toContain('frame-ancestors *');
  expect(embedResponse.headers()['content-security-policy']).not.toContain("frame-ancestors 'none'");
  expect(embedResponse.headers()['x-frame-options']).toBeUndefined();

  // The same link's full page, and another link's embed address, stay unframeable.
  for (const address of [embeddable, plain, `${plain}/embed`]) {
    const response = await request.get(address);
    expect(response.headers()['content-security-policy'], address).toContain("frame-ancestors 'none'");
    expect(response.headers()['x-frame-options'], address).toBe('DENY');
  }
  expect((await request.get(`${plain}/embed`)).status()).toBe(404);

  // A page on another origin frames both: only the embeddable one shows the dashboard.
  const other = http.createServer((_request, response) => {
    response.writeHead(200, { 'Content-Type': 'text/html' }).end(`<!doctype html><html lang="en"><head>
      <title>Partner</title></head><body><h1>Partner site</h1>
      <iframe id="allowed" title="allowed" src="${embeddable}/embed" style="width:1200px;height:900px"></iframe>
      <iframe id="refused" title="refused" src="${plain}/embed"></iframe></body></html>`);
  });
  await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
  try {
    const origin = `http://demo.glance.local:${(other.address() as AddressInfo).port}`;
    expect(origin).not.toContain(new URL(baseURL!).host);
    await page.goto(origin);
    const framed = page.frameLocator('#allowed');
    await expect(framed.getByRole('heading', { level: 1 })).toHaveText('demo.glance.local');
    await expect(framed.locator('dt', { hasText: 'Unique visitors' })).toBeVisible();
    // Browsing inside the frame (a range change) keeps working.
    await framed.locator('summary', { hasText: 'Last 30 days' }).click();
    await framed.getByRole('link', { name: /^Last 7 days/ }).click();
    await expect(framed.locator('summary', { hasText: 'Last 7 days' })).toBeVisible();
    await expect(page.frameLocator('#refused').getByRole('heading', { level: 1 })).toHaveCount(0);
  } finally {
    await new Promise<void>((resolve) => other.close(() => resolve()));
  }
});
