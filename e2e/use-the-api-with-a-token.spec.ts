import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { expect, test, type Page } from '@playwright/test';

import { expectAccessible, metricValue, readCount, screenshots, signIn } from './helpers';

async function expectNoSidewaysScrollOnPhones(page: Page) {
  await page.setViewportSize({ width: 390, height: 844 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.setViewportSize({ width: 1280, height: 900 });
}

test('an owner creates an API token, sees it once, reads stats with it, and revokes it', async ({ page, baseURL }) => {
  await signIn(page);
  await expect(page).toHaveURL(/\/sites$/);
  const siteHref = await page.getByRole('link', { name: 'demo.glance.local' }).first().getAttribute('href');
  const siteId = siteHref!.split('/').pop()!;
  await page.goto('/sites/new');
  const teamId = await page.locator('input[name="teamId"], select[name="teamId"]').first().inputValue();

  await page.goto(`/teams/${teamId}/tokens`);
  await expect(page.getByRole('heading', { name: 'API tokens', level: 2 })).toBeVisible();
  await page.getByLabel('Name').fill('Weekly report');
  await page.getByRole('checkbox', { name: /sites:read/ }).check();
  await page.getByLabel('Expires').selectOption('30');
  await page.getByRole('button', { name: 'Create token' }).click();
  const shown = page.getByLabel('New API token');
  await expect(shown).toHaveText(/^glc_[A-Za-z0-9_-]{43}$/);
  const token = (await shown.textContent())!;
  const list = page.getByRole('list', { name: 'API tokens' });
  await expect(list.getByRole('listitem').filter({ hasText: 'Weekly report' })).toContainText(token.slice(0, 12));
  await expect(list.getByRole('listitem').filter({ hasText: 'Weekly report' })).toContainText('never used');
  await expectAccessible(page);
  await screenshots(page, 'api-tokens');
  await expectNoSidewaysScrollOnPhones(page);

  // Shown once: after a reload only the prefix is left.
  await page.reload();
  await expect(page.getByLabel('New API token')).toHaveCount(0);
  await expect(page.getByText(token)).toHaveCount(0);

  // The token reads the same numbers the dashboard shows.
  const api = (path: string, init: RequestInit = {}) =>
    fetch(`${baseURL}${path}`, { ...init, headers: { authorization: `Bearer ${token}`, ...init.headers } });
  const sites = await api('/api/v1/sites');
  expect(sites.status).toBe(200);
  expect(((await sites.json()) as { sites: { domain: string }[] }).sites.map((s) => s.domain)).toContain(
    'demo.glance.local',
  );
  const stats = await api('/api/v1/stats/query', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ siteId, metrics: ['visitors', 'pageviews'], dateRange: '7d' }),
  });
  expect(stats.status).toBe(200);
  expect(stats.headers.get('ratelimit-limit')).toBeTruthy();
  expect(stats.headers.get('access-control-allow-origin')).toBeNull();
  const [row] = ((await stats.json()) as { rows: { metrics: { visitors: number; pageviews: number } }[] }).rows;
  await page.goto(`/sites/${siteId}?period=7d`);
  expect(await readCount(metricValue(page, 'Unique visitors'))).toBe(row!.metrics.visitors);
  expect(await readCount(metricValue(page, 'Pageviews'))).toBe(row!.metrics.pageviews);

  // A read token cannot write.
  const write = await api('/api/v1/sites', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ domain: 'api-e2e.example.org', timezone: 'UTC' }),
  });
  expect(write.status).toBe(403);
  expect(((await write.json()) as { error: { code: string } }).error.code).toBe('insufficient_scope');

  // The MCP server answers the SDK's client with the same token.
  const client = new Client({ name: 'e2e', version: '1.0.0' });
  await client.connect(
    new StreamableHTTPClientTransport(new URL(`${baseURL}/api/mcp`), {
      requestInit: { headers: { authorization: `Bearer ${token}` } },
    }),
  );
  expect((await client.listTools()).tools.map((tool) => tool.name).sort()).toEqual([
    'get_realtime_visitors',
    'list_goals',
    'list_sites',
    'query_stats',
  ]);
  await client.close();

  // The list shows the last use; revoking stops the token at once.
  await page.goto(`/teams/${teamId}/tokens`);
  const item = page
    .getByRole('list', { name: 'API tokens' })
    .getByRole('listitem')
    .filter({ hasText: 'Weekly report' });
  await expect(item).toContainText('last used');
  await item.getByRole('button', { name: 'Revoke Weekly report' }).click();
  await expect(item).toHaveCount(0);
  const after = await api('/api/v1/sites');
  expect(after.status).toBe(401);
  expect(((await after.json()) as { error: { code: string } }).error.code).toBe('unauthorized');
});

test('the OpenAPI document is served at a stable URL and rendered in the docs', async ({ page, request }) => {
  const response = await request.get('/api/v1/openapi.json');
  expect(response.status()).toBe(200);
  const document = (await response.json()) as { openapi: string; paths: Record<string, unknown> };
  expect(document.openapi).toBe('3.1.0');
  expect(Object.keys(document.paths)).toContain('/api/v1/stats/query');
  await page.goto('/docs/api');
  await expect(page.getByRole('heading', { name: 'Endpoints' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'POST /api/v1/stats/query' })).toBeVisible();
  await expectAccessible(page);
  await screenshots(page, 'api-docs');
  await expectNoSidewaysScrollOnPhones(page);
});
