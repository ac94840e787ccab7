import { randomUUID } from 'node:crypto';

import { expect, test, type APIRequestContext, type Page } from '@playwright/test';

import { expectAccessible, metricValue, screenshots, signIn } from './helpers';

const FIREFOX = 'Mozilla/5.0 (X11; Linux x86_64; rv:150.0) Gecko/20100101 Firefox/150.0';

/** Adds a fresh site as the demo owner; returns its domain and dashboard path. */
async function addSite(page: Page, prefix: string) {
  await signIn(page);
  await expect(page).toHaveURL(/\/sites$/);
  const domain = `${prefix}-${randomUUID().slice(0, 8)}.example.org`;
  await page.goto('/sites/new');
  await page.getByLabel('Domain').fill(domain);
  await page.getByRole('button', { name: 'Add site' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(domain);
  return { domain, dashboard: new URL(page.url()).pathname };
}

/** Sends one hit as the tracker would; `visitor` picks a User-Agent, and so a visitor. */
async function send(
  request: APIRequestContext,
  domain: string,
  visitor: string,
  path: string,
  options: { name?: string; headers?: Record<string, string> } = {},
) {
  const response = await request.post('/api/event', {
    headers: { 'content-type': 'text/plain', 'user-agent': `${FIREFOX} ${visitor}`, ...options.headers },
    data: JSON.stringify({ n: options.name ?? 'pageview', u: `https://${domain}${path}`, d: domain, r: null, w: 1280 }),
  });
  expect(response.status()).toBe(202);
  return response.headers()['x-glance-dropped'] ?? null;
}

test('an owner defines a funnel and sees who took its steps in order', async ({ page, request }) => {
  const { domain, dashboard } = await addSite(page, 'funnel');
  const run = randomUUID();
  // A: all three steps; B: two; C: the right pages in the wrong order (step 1 only); D: none of them.
  const visits: [string, string, string?][] = [
    ['A', '/pricing'],
    ['A', '/signup'],
    ['A', '/signup', 'Signup'],
    ['B', '/pricing'],
    ['B', '/signup'],
    ['C', '/signup'],
    ['C', '/pricing'],
    ['D', '/blog'],
  ];
  for (const [visitor, path, name] of visits) {
    expect(await send(request, domain, `${run}-${visitor}`, path, { name })).toBeNull();
  }

  await page.goto(`${dashboard}/settings`);
  const section = page.getByRole('region', { name: 'Funnels' });
  await section.getByLabel('Funnel name').fill('Signup');
  await section.getByLabel('Steps, in order').fill('/pricing');
  await section.getByRole('button', { name: 'Add funnel' }).click();
  await expect(section.getByText('A funnel has at least 2 steps.')).toBeVisible();
  await expect(section.getByLabel('Funnel name')).toHaveValue('Signup'); // what was typed is kept
  await section.getByLabel('Steps, in order').fill('/pricing\n/signup\nSignup');
  await section.getByRole('button', { name: 'Add funnel' }).click();
  await expect(section.getByText('Funnel “Signup” added.')).toBeVisible();
  await expect(section.getByRole('listitem')).toHaveText([/Signup \(Visit \/pricing → Visit \/signup → Signup\)/]);

  await page.goto(dashboard);
  const card = page.getByRole('region', { name: 'Funnel: Signup' });
  await expect(card.getByTestId('funnel-step')).toHaveText([
    /1\. Visit \/pricing\s*3\s*100%\s*–/,
    /2\. Visit \/signup\s*2\s*67%\s*1 \(33%\)/,
    /3\. Signup\s*1\s*33%\s*1 \(50%\)/,
  ]);
  await expectAccessible(page);
  await card.scrollIntoViewIfNeeded();
  await screenshots(page, 'dashboard-with-funnel');
});

test('an owner changes what is collected, and ingest follows at once', async ({ page, request }) => {
  const { domain, dashboard } = await addSite(page, 'settings');
  const visitor = randomUUID();
  expect(await send(request, domain, visitor, '/secret/plans')).toBeNull();
  expect(await send(request, domain, visitor, '/about', { headers: { DNT: '1' } })).toBe('do-not-track');

  await page.goto(`${dashboard}/settings`);
  const section = page.getByRole('region', { name: 'Data collection' });
  await section.getByLabel('Excluded paths').fill('secret/*');
  await section.getByRole('button', { name: 'Save collection settings' }).click();
  await expect(section.getByText(/starts with \//)).toBeVisible();
  await section.getByLabel('Excluded paths').fill('/secret/*\n/drafts/**');
  await section.getByLabel('Query parameters to keep').fill('q');
  await section.getByLabel(/Respect Do Not Track/).uncheck();
  await section.getByRole('button', { name: 'Save collection settings' }).click();
  await expect(section.getByText('Settings saved. New hits follow them from now on.')).toBeVisible();
  await expectAccessible(page);
  await screenshots(page, 'site-settings-collection');

  // The very next hits obey the new settings.
  expect(await send(request, domain, visitor, '/secret/plans')).toBe('excluded-path');
  expect(await send(request, domain, visitor, '/drafts/2026/post')).toBe('excluded-path');
  expect(await send(request, domain, visitor, '/about', { headers: { DNT: '1' } })).toBeNull();

  // And the form shows what was saved.
  await page.reload();
  await expect(section.getByLabel('Excluded paths')).toHaveValue('/secret/*\n/drafts/**');
  await expect(section.getByLabel('Query parameters to keep')).toHaveValue('q');
  await expect(section.getByLabel(/Respect Do Not Track/)).not.toBeChecked();
});

test('the dashboard follows new hits without a reload', async ({ page, request }) => {
  const { domain, dashboard } = await addSite(page, 'live');
  const visitor = randomUUID();
  expect(await send(request, domain, visitor, '/')).toBeNull();
  await page.goto(dashboard);
  await expect(metricValue(page, 'Pageviews')).toHaveText('1');
  await expect(page.getByTestId('current-visitors')).toHaveText('1');
  // A marker that a reload would wipe out.
  await page.evaluate(() => Object.assign(window, { stillTheSamePage: true }));

  expect(await send(request, domain, visitor, '/pricing')).toBeNull();
  expect(await send(request, domain, randomUUID(), '/')).toBeNull();
  await expect(metricValue(page, 'Pageviews')).toHaveText('3', { timeout: 25_000 });
  await expect(page.getByTestId('current-visitors')).toHaveText('2');
  await expect(page.getByRole('region', { name: 'Pages' })).toContainText('/pricing');
  expect(await page.evaluate(() => (window as unknown as { stillTheSamePage?: boolean }).stillTheSamePage)).toBe(true);
});
