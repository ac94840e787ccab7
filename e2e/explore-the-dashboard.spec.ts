import { randomUUID } from 'node:crypto';

import { expect, test } from '@playwright/test';
import { unzipSync, strFromU8 } from 'fflate';

import { expectAccessible, metricValue, readCount, screenshots, signIn } from './helpers';

const DEMO_DOMAIN = 'demo.glance.local';

async function openDemoSite(page: import('@playwright/test').Page) {
  await signIn(page);
  await page.getByRole('link', { name: /demo\.glance\.local/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(DEMO_DOMAIN);
}

test('filter the dashboard from a breakdown, switch tabs, ranges and metrics, and undo it all', async ({ page }) => {
  await openDemoSite(page);
  const dashboardPath = new URL(page.url()).pathname;
  const visitors = metricValue(page, 'Unique visitors');
  const everyone = await readCount(visitors);

  // Clicking a source filters every widget by it, and the filter is in the URL.
  const sources = page.getByRole('region', { name: 'Sources' });
  await sources.getByRole('link', { name: 'Channel', exact: true }).click();
  await expect(page).toHaveURL(/sources=channel/);
  await expect(sources.getByRole('link', { name: 'Search', exact: true })).toBeVisible();
  await sources.getByRole('link', { name: 'Source', exact: true }).click();
  await expect(page).not.toHaveURL(/sources=/);
  await sources.getByRole('link', { name: 'Google', exact: true }).click();
  await expect(page).toHaveURL(/f=source%3Ais%3AGoogle/);
  const chip = page.getByRole('group', { name: 'Filters' }).getByText('Source is Google');
  await expect(chip).toBeVisible();
  const fromGoogle = await readCount(visitors);
  expect(fromGoogle).toBeGreaterThan(0);
  expect(fromGoogle).toBeLessThan(everyone);
  await expect(sources.getByRole('table').getByRole('link')).toHaveText(['Google']);
  await expectAccessible(page);
  await screenshots(page, 'dashboard-filtered');

  // The link is shareable: opening it again shows the same numbers.
  await page.goto(page.url());
  await expect(visitors).toHaveText(String(fromGoogle.toLocaleString('en')));

  // Entry pages of those visitors; then another metric in the chart.
  const pages = page.getByRole('region', { name: 'Pages' });
  await pages.getByRole('link', { name: 'Entry page' }).click();
  await expect(pages.getByRole('columnheader', { name: 'Entry page' })).toBeVisible();
  await page.getByRole('link', { name: 'Pageviews', exact: true }).click();
  await expect(page.getByRole('img', { name: /Pageviews per day/ })).toBeVisible();

  // Removing the chip brings everyone back.
  await page.getByRole('link', { name: 'Remove filter: Source is Google' }).click();
  await expect(chip).toHaveCount(0);
  await expect(visitors).toHaveText(everyone.toLocaleString('en'));

  // Keyboard shortcut: W is the last 7 days.
  await page.locator('body').press('w');
  await expect(page).toHaveURL(/period=7d/);
  await expect(page.getByRole('img', { name: /per day over 7 days/ })).toBeVisible();
  // A custom range, from the range menu.
  await page.locator('summary', { hasText: 'Last 7 days' }).click();
  const today = new Date();
  const from = new Date(today.getTime() - 3 * 86_400_000).toISOString().slice(0, 10);
  await page.getByLabel('From', { exact: true }).fill(from);
  await page.getByLabel('To', { exact: true }).fill(today.toISOString().slice(0, 10));
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page).toHaveURL(new RegExp(`period=custom&from=${from}`));
  expect(new URL(page.url()).pathname).toBe(dashboardPath);
});

test('open a goal, then every page of a breakdown, searchable and sortable', async ({ page }) => {
  await openDemoSite(page);
  const goals = page.getByRole('region', { name: 'Goals' });
  await expect(goals.getByRole('columnheader', { name: 'Conversion rate' })).toBeVisible();
  await goals.getByRole('link', { name: 'Signup', exact: true }).click();
  await expect(page.getByRole('group', { name: 'Filters' }).getByText('Goal is Signup')).toBeVisible();
  // Everyone counted now reached the goal: its conversion rate is out of the unfiltered visitors.
  await expect(page.getByRole('region', { name: 'Goals' }).getByRole('table').getByRole('link')).toHaveText(['Signup']);
  const converted = await readCount(metricValue(page, 'Unique visitors'));
  expect(converted).toBeGreaterThan(0);

  await page.goto(new URL(page.url()).pathname);
  const pages = page.getByRole('region', { name: 'Pages' });
  await pages.getByRole('link', { name: /All \d+ page values/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page');
  await page.getByLabel('Search page').fill('blog');
  await page.getByRole('button', { name: 'Search' }).click();
  const cells = page.getByRole('row').locator('td:first-child');
  await expect(cells.first()).toContainText('blog');
  for (const text of await cells.allTextContents()) expect(text).toContain('blog');
  await page.getByRole('link', { name: 'Pageviews' }).click();
  await expect(page.getByRole('columnheader', { name: /Pageviews/ })).toHaveAttribute('aria-sort', 'descending');
  await expectAccessible(page);
  await screenshots(page, 'breakdown-pages');
});

test('export a view as CSV files and one breakdown as CSV', async ({ page }) => {
  await openDemoSite(page);
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: /Export this view/ }).click();
  const zipPath = await (await download).path();
  const { readFile } = await import('node:fs/promises');
  const files = unzipSync(new Uint8Array(await readFile(zipPath)));
  expect(Object.keys(files)).toEqual(expect.arrayContaining(['timeseries.csv', 'page.csv', 'source.csv', 'goal.csv']));
  const series = strFromU8(files['timeseries.csv']!).trim().split('\r\n');
  expect(series[0]).toBe('date,visitors,visits,pageviews,views_per_visit,bounce_rate,visit_duration');
  expect(series).toHaveLength(31);
  const total = series.slice(1).reduce((sum, line) => sum + Number(line.split(',')[2]), 0);

  // The visits in the CSV are those on the dashboard.
  const shown = await readCount(metricValue(page, 'Visits'));
  expect(total).toBe(shown);

  const csv = await page.request.get(
    `${new URL(page.url()).pathname.replace('/sites/', '/api/sites/')}/export?dimension=country`,
  );
  expect(csv.headers()['content-type']).toContain('text/csv');
  const lines = (await csv.text()).trim().split('\r\n');
  expect(lines[0]).toBe('country,visitors,visits,bounce_rate,visit_duration');
  expect(lines.length).toBeGreaterThan(2);
  expect(lines.slice(1).every((line) => /^[A-Z(][^,]*,\d+,\d+,/.test(line))).toBe(true);
});

test('realtime: current visitors go up after a hit, without reloading', async ({ page }) => {
  await openDemoSite(page);
  const current = page.getByTestId('current-visitors');
  // The count covers the last five minutes: a seeded visitor can age out while we wait, and the count
  // then stays put. Such an attempt is repeated with a new visitor; each one asks for exactly one more.
  await expect(async () => {
    const before = await readCount(current);
    const hit = await page.request.post('/api/event', {
      headers: {
        'content-type': 'text/plain',
        'user-agent': `Mozilla/5.0 (X11; Linux x86_64; rv:150.0) Gecko/20100101 Firefox/150.0 ${randomUUID()}`,
      },
      data: JSON.stringify({ n: 'pageview', u: `https://${DEMO_DOMAIN}/realtime`, d: DEMO_DOMAIN, r: null, w: 1280 }),
    });
    expect(hit.status()).toBe(202);
    await expect(current).toHaveText(String(before + 1), { timeout: 20_000 });
  }).toPass({ intervals: [0], timeout: 75_000 });
});
