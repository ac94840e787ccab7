import { expect, test, type APIResponse } from '@playwright/test';

import { signIn } from './helpers';

function expectBaseHeaders(response: APIResponse | null) {
  const headers = response!.headers();
  expect(headers['strict-transport-security']).toMatch(/max-age=(\d+)/);
  expect(Number(/max-age=(\d+)/.exec(headers['strict-transport-security']!)![1])).toBeGreaterThanOrEqual(31_536_000);
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['x-powered-by']).toBeUndefined();
}

test('pages carry a strict CSP with a fresh nonce that Next.js puts on its scripts', async ({ page, request }) => {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content.Security.Policy/i.test(message.text())) violations.push(message.text());
  });
  const first = await request.get('/');
  const second = await request.get('/');
  const nonceOf = (csp: string) => /'nonce-([^']+)'/.exec(csp)?.[1];
  const csp = first.headers()['content-security-policy']!;
  expect(csp).toContain("'strict-dynamic'");
  expect(csp).toContain("object-src 'none'");
  expect(csp).toContain("base-uri 'none'");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).not.toContain('unsafe-eval');
  expect(nonceOf(csp)).toBeTruthy();
  expect(nonceOf(second.headers()['content-security-policy']!)).not.toBe(nonceOf(csp));
  expect(await first.text()).toContain(`nonce="${nonceOf(csp)}"`);
  expectBaseHeaders(first);
  expect(first.headers()['referrer-policy']).toBe('strict-origin-when-cross-origin');
  expect(first.headers()['permissions-policy']).toContain('camera=()');

  // The app works under that policy: an interactive page hydrates and nothing is blocked.
  await signIn(page);
  await expect(page).toHaveURL(/\/sites$/);
  await page.getByRole('link', { name: /demo\.glance\.local/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('demo.glance.local');
  expect(violations).toEqual([]);
});

test('signed-in pages are not stored by caches', async ({ page }) => {
  await signIn(page);
  await expect(page).toHaveURL(/\/sites$/);
  const response = await page.goto('/sites');
  expect(response!.headers()['cache-control']).toContain('no-store');
});

test('API answers, errors and the tracker carry the security headers too', async ({ request }) => {
  expectBaseHeaders(await request.get('/api/health'));
  expectBaseHeaders(await request.get('/no-such-page'));
  expectBaseHeaders(await request.get('/js/script.js'));
  const event = await request.post('/api/event', { data: '{', headers: { 'content-type': 'text/plain' } });
  expect(event.status()).toBe(400);
  expectBaseHeaders(event);
  expect(await event.json()).toEqual({ error: 'body is not valid JSON' });
});

test('TRACE is refused', async ({ request }) => {
  const response = await request.fetch('/', { method: 'TRACE' });
  expect(response.status()).toBe(405);
});
