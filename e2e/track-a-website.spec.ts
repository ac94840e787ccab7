import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

import { expect, test, type Page } from '@playwright/test';
import pg from 'pg';

// A customer's website: a real HTTP server on its own origin (demo.glance.local, mapped to
// 127.0.0.1 in playwright.config.ts), embedding the snippet that loads the script from the app.
const DESKTOP_CHROME =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36';
let site = '';
let customerServer: http.Server;

test.beforeAll(async ({ baseURL }) => {
  customerServer = http.createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://x');
    if (url.pathname.endsWith('.pdf')) {
      response.writeHead(200, { 'Content-Type': 'application/pdf' }).end('%PDF-1.4\n');
      return;
    }
    const variant = url.searchParams.get('variant') ?? 'script.auto.js';
    response.writeHead(200, { 'Content-Type': 'text/html' })
      .end(`<!doctype html><html lang="en"><head><title>Customer</title>
      <script>window.glance = window.glance || function () { window.glance.q.push(arguments) }; window.glance.q = window.glance.q || []</script>
      <script defer data-domain="demo.glance.local" src="${baseURL}/js/${variant}"></script></head>
      <body><h1>Customer site</h1>
      <a id="download" href="/files/guide.pdf" download>Guide</a>
      <a id="outbound" href="https://elsewhere.example.org/page">Elsewhere</a>
      <button class="glance-event-name=Newsletter+Signup glance-event-position=footer">Subscribe</button>
      </body></html>`);
  });
  await new Promise<void>((resolve) => customerServer.listen(0, '127.0.0.1', resolve));
  site = `http://demo.glance.local:${(customerServer.address() as AddressInfo).port}`;
});

test.afterAll(() => new Promise<void>((resolve) => customerServer.close(() => resolve())));

/** The outbound link's target is answered by the test (the machine is offline). */
const stubElsewhere = (page: Page) =>
  page.route('https://elsewhere.example.org/**', (route) =>
    route.fulfill({ contentType: 'text/html', body: '<title>Elsewhere</title>' }),
  );

/** Resolves once the real script has replaced the snippet's queueing stub. */
async function waitForTracker(page: Page) {
  await page.waitForFunction(() => !('q' in (window as unknown as { glance: object }).glance));
}

async function query<T extends pg.QueryResultRow>(sql: string, params: unknown[]): Promise<T[]> {
  const url = process.env.DATABASE_URL;
  if (!url)
    throw new Error('Run e2e tests with `npm test` (or scripts/with-database.ts) so they can read the database.');
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

const eventsUnder = (prefix: string) =>
  query<{ name: string; pathname: string; props: Record<string, string> | null; channel: string; browser: string }>(
    `SELECT name, pathname, props, channel, browser FROM "Event" WHERE pathname LIKE $1 ORDER BY id`,
    [`${prefix}%`],
  );

async function expectEventually<T>(read: () => Promise<T[]>, count: number): Promise<T[]> {
  await expect.poll(async () => (await read()).length, { timeout: 15_000 }).toBe(count);
  // Give a duplicate time to show up before declaring "exactly once".
  await new Promise((resolve) => setTimeout(resolve, 750));
  return read();
}

test.describe('the tracker on a customer website', () => {
  test.use({ userAgent: DESKTOP_CHROME });

  test('pageviews, SPA navigation, custom events, downloads and outbound clicks each land exactly once', async ({
    page,
  }) => {
    // A real visitor's browser is not automated: hide Playwright's navigator.webdriver flag.
    await page.addInitScript(() => Object.defineProperty(navigator, 'webdriver', { get: () => false }));
    await stubElsewhere(page);
    const prefix = `/e2e-${randomUUID()}`;

    // A custom event queued before the script loaded must not be lost.
    await page.goto(`${site}${prefix}/?utm_source=newsletter&utm_medium=email`);
    await page.evaluate(() =>
      (window as unknown as { glance: (n: string, o?: object) => void }).glance('Early', { props: { queued: 'yes' } }),
    );
    await waitForTracker(page);

    await page.evaluate((p) => history.pushState({}, '', `${p}/about`), prefix);
    await page.evaluate((p) => history.pushState({}, '', `${p}/about?tab=2`), prefix); // same page: not counted
    await page.evaluate(() =>
      (window as unknown as { glance: (n: string, o?: object) => void }).glance('Signup', {
        props: { plan: 'pro' },
        revenue: { amount: 19, currency: 'EUR' },
      }),
    );
    await page.getByRole('button', { name: 'Subscribe' }).click();
    const download = page.waitForEvent('download');
    await page.locator('#download').click();
    await download;
    await page.locator('#outbound').click();
    await page.waitForURL('https://elsewhere.example.org/page');

    const events = await expectEventually(() => eventsUnder(prefix), 7);
    const summary = events.map((event) => [event.name, event.pathname.slice(prefix.length), event.props]);
    expect(summary).toEqual(
      expect.arrayContaining([
        ['pageview', '/', null],
        ['Early', '/', { queued: 'yes' }],
        ['pageview', '/about', null],
        ['Signup', '/about', { plan: 'pro' }],
        ['Newsletter Signup', '/about', { position: 'footer' }],
        ['File Download', '/about', { url: `${site}/files/guide.pdf` }],
        ['Outbound Link: Click', '/about', { url: 'https://elsewhere.example.org/page' }],
      ]),
    );
    expect(events.every((event) => event.channel === 'email' && event.browser === 'Chrome')).toBe(true);
    const [revenue] = await query<{ amount: string }>(
      `SELECT "revenueAmount"::text AS amount FROM "Event" WHERE pathname LIKE $1 AND name = 'Signup'`,
      [`${prefix}%`],
    );
    expect(revenue?.amount).toBe('19.0000');
  });

  test('with Do Not Track set, nothing lands', async ({ browser }) => {
    const context = await browser.newContext({ userAgent: DESKTOP_CHROME, extraHTTPHeaders: { DNT: '1' } });
    const page = await context.newPage();
    await page.addInitScript(() => Object.defineProperty(navigator, 'webdriver', { get: () => false }));
    const prefix = `/e2e-dnt-${randomUUID()}`;
    const answered = page.waitForResponse((response) => response.url().endsWith('/api/event'));
    await page.goto(`${site}${prefix}/`);
    const response = await answered;
    expect(response.status()).toBe(202);
    expect(response.headers()['x-glance-dropped']).toBe('do-not-track');
    await new Promise((resolve) => setTimeout(resolve, 750));
    expect(await eventsUnder(prefix)).toEqual([]);
    await context.close();
  });

  test('an automated browser (navigator.webdriver) sends nothing at all', async ({ page }) => {
    const sent: string[] = [];
    page.on('request', (request) => {
      if (request.url().endsWith('/api/event')) sent.push(request.url());
    });
    await page.goto(`${site}/e2e-webdriver/`);
    await waitForTracker(page);
    expect(await page.evaluate(() => navigator.webdriver)).toBe(true);
    await page.evaluate(() => (window as unknown as { glance: (n: string) => void }).glance('Click'));
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(sent).toEqual([]);
  });

  test('the core script is served with long-lived caching and stays under 1,000 bytes gzipped', async ({ request }) => {
    const response = await request.get('/js/script.js');
    expect(response.status()).toBe(200);
    expect(response.headers()['cache-control']).toContain('max-age=86400');
    expect(response.headers()['content-type']).toContain('javascript');
    const { gzipSync } = await import('node:zlib');
    expect(gzipSync(await response.body(), { level: 9 }).byteLength).toBeLessThanOrEqual(1000);
  });
});
