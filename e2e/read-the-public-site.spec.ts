import { expect, test } from '@playwright/test';

import { PUBLIC_PAGES } from '../components/marketing/public-pages';
import { cookieNameFor, DASHBOARD_COOKIES, dashboardCookieNames } from '../lib/legal/cookies';
import { securityTxtField, securityTxtProblems } from '../lib/legal/security-txt-rules';

import { expectAccessible, screenshots, signIn } from './helpers';

// Links that may point at pages other branches are building. Keep this list explicit and short.
// Every internal link must resolve; nothing is exempt.
const NOT_YET_BUILT = new Set<string>([]);

const SCREENSHOTS: Record<string, string> = {
  '/': 'public-landing',
  '/pricing': 'public-pricing',
  '/docs': 'public-docs',
  '/data-policy': 'public-data-policy',
  '/security': 'public-security',
};

test('the sitemap lists every public page, each with its own title and description', async ({ request }) => {
  const sitemap = await request.get('/sitemap.xml');
  expect(sitemap.status()).toBe(200);
  const paths = [...(await sitemap.text()).matchAll(/<loc>(.*?)<\/loc>/g)].map((m) => new URL(m[1]!).pathname);
  expect([...paths].sort()).toEqual(PUBLIC_PAGES.map((p) => p.path).sort());
  const heads = await Promise.all(
    paths.map(async (path) => (await (await request.get(path)).text()).split('</head>')[0]!),
  );
  const titles = heads.map((head) => /<title>([^<]*)<\/title>/.exec(head)?.[1]);
  const descriptions = heads.map((head) => /<meta name="description" content="([^"]*)"/.exec(head)?.[1]);
  expect(new Set(titles).size, 'every page has its own title').toBe(paths.length);
  expect(new Set(descriptions).size, 'every page has its own description').toBe(paths.length);
});

// Links already checked by an earlier page's test (the same worker runs this file's tests in order).
const checkedLinks = new Set<string>();

for (const { path } of PUBLIC_PAGES) {
  test(`${path} renders, describes itself, is accessible and links only to pages that exist`, async ({
    page,
    request,
  }) => {
    const response = await page.goto(path);
    expect(response?.status()).toBe(200);
    expect(await page.title()).toMatch(/\S.*Glance|Glance.*\S/);
    const description = await page.locator('meta[name="description"]').getAttribute('content');
    expect(description?.length ?? 0, 'description').toBeGreaterThan(30);
    expect(await page.locator('meta[property="og:image"]').getAttribute('content')).toContain('opengraph-image');
    await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
    await expectAccessible(page);
    // Public pages set no cookies at all.
    expect(await page.context().cookies()).toEqual([]);
    if (SCREENSHOTS[path]) await screenshots(page, SCREENSHOTS[path]);

    const origin = new URL(page.url()).origin;
    const hrefs = await page.locator('a[href]').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
    for (const href of new Set(hrefs)) {
      const url = new URL(href);
      if (url.origin !== origin || NOT_YET_BUILT.has(url.pathname) || checkedLinks.has(href)) continue;
      const target = await request.get(url.pathname + url.search);
      expect(target.status(), `${href} (linked from ${path})`).toBeLessThan(400);
      if (url.hash) {
        const id = decodeURIComponent(url.hash.slice(1));
        expect(await target.text(), `${href} has an element with id "${id}"`).toContain(`id="${id}"`);
      }
      checkedLinks.add(href);
    }
  });
}

test('the pricing page switches between monthly and yearly prices from the plan definitions', async ({ page }) => {
  await page.goto('/pricing');
  const starter = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Starter' }) });
  await expect(starter).toContainText('€9');
  await expect(starter).toContainText('/ month');
  await page.getByText(/Yearly/).click();
  await expect(starter).toContainText('€90');
  await expect(starter).toContainText('/ year');
  await expect(page.getByRole('radio', { name: /Yearly/ })).toBeChecked();
  await page.getByText('What happens if I go over my quota?').click();
  await expect(page.getByText('Nothing recorded is ever deleted because of a quota.')).toBeVisible();
  await expectAccessible(page);
});

test('the security page lists exactly the headers the server sends', async ({ page }) => {
  const response = await page.goto('/security');
  const sent = response!.headers();
  const names = await page.locator('[data-header-name]').allTextContents();
  expect(names.length).toBeGreaterThanOrEqual(6);
  for (const name of names) {
    const shown = await page.locator(`[data-header-value="${name}"]`).textContent();
    const actual = sent[name.toLowerCase()];
    expect(actual, `${name} is sent`).toBeDefined();
    // The page shows the production policy; this test server runs on http (no upgrade-insecure-requests).
    const expected =
      name === 'Content-Security-Policy'
        ? actual!.replace(/'nonce-[^']+'/, "'nonce-RANDOM-PER-RESPONSE'") + '; upgrade-insecure-requests'
        : actual;
    expect(shown, name).toBe(expected);
  }
  await expect(page.getByRole('table', { name: 'What each team role may do' })).toBeVisible();
});

test('security.txt follows RFC 9116 and comes from configuration', async ({ request, baseURL }) => {
  const response = await request.get('/.well-known/security.txt');
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toBe('text/plain; charset=utf-8');
  const text = await response.text();
  expect(securityTxtProblems(text, new Date())).toEqual([]);
  expect(securityTxtField(text, 'Canonical')).toEqual([`${baseURL}/.well-known/security.txt`]);
  expect(securityTxtField(text, 'Policy')).toEqual([`${baseURL}/security#disclosure`]);
});

test('robots.txt, the icon and the Open Graph image are served', async ({ request, baseURL }) => {
  const robots = await request.get('/robots.txt');
  expect(await robots.text()).toContain(`Sitemap: ${baseURL}/sitemap.xml`);
  expect(await robots.text()).toContain('Disallow: /sites');
  const icon = await request.get('/icon.svg');
  expect(icon.status()).toBe(200);
  expect(icon.headers()['content-type']).toContain('image/svg+xml');
  const image = await request.get('/opengraph-image');
  expect(image.status()).toBe(200);
  expect(image.headers()['content-type']).toBe('image/png');
});

test('the cookie statement names every cookie the dashboard sets, and they are HTTP-only', async ({ page }) => {
  await signIn(page);
  await expect(page).toHaveURL(/\/sites$/);
  const cookies = await page.context().cookies();
  expect(cookies.length).toBeGreaterThan(0);
  const appUrl = new URL(page.url()).origin;
  for (const cookie of cookies) {
    const doc = DASHBOARD_COOKIES.find((candidate) => cookieNameFor(candidate, appUrl) === cookie.name);
    expect(doc, `${cookie.name} is in the cookie statement`).toBeDefined();
    expect(cookie.httpOnly, cookie.name).toBe(true);
    expect(cookie.sameSite, cookie.name).toBe(doc!.sameSite);
  }
  expect(cookies.map((c) => c.name)).toContain(dashboardCookieNames(appUrl)[0]);
});
