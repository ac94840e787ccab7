// An owner on the free trial upgrades to Growth: "Upgrade" leads to (the local stand-in for) Stripe
// Checkout; the success URL alone changes nothing; paying makes Stripe send signed webhooks, and the
// billing page shows the new plan. Members get 403 and other teams' users 404.
import { expect, test, type Page } from '@playwright/test';
import pg from 'pg';

import { createAccount } from './accounts';
import { DEMO, expectAccessible, screenshots, signIn } from './helpers';
import { FAKE_STRIPE_URL, stripeRequests } from './stripe';

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

async function teamOf(email: string): Promise<string> {
  const [row] = await query<{ teamId: string }>(
    `SELECT m."teamId" FROM "Membership" m JOIN "User" u ON u.id = m."userId" WHERE u.email = $1 AND m.role = 'OWNER'`,
    [email],
  );
  return row!.teamId;
}

async function signInAs(page: Page, email: string, password: string) {
  await signIn(page, email, password);
  await expect(page).toHaveURL(/\/sites$/);
}

test('an owner upgrades from the trial to Growth through Stripe Checkout', async ({ page, browser }) => {
  const owner = await createAccount(page, 'billing');
  await signInAs(page, owner.email, owner.password);
  const teamId = await teamOf(owner.email);
  const billingPath = `/teams/${teamId}/billing`;

  await page.goto(billingPath);
  await expect(page.getByRole('heading', { name: 'Billing', level: 2 })).toBeVisible();
  await expect(page.getByTestId('current-plan')).toHaveText('Trial');
  await expect(page.getByTestId('billing-status')).toContainText('Free trial until');
  await expect(page.getByRole('meter', { name: 'Pageviews used this period' })).toHaveAttribute(
    'aria-valuemax',
    '100000',
  );
  await expectAccessible(page);
  await screenshots(page, 'billing-trial');

  // Yearly Growth: the upgrade leads to the checkout page of the local Stripe.
  await page.getByText('Yearly', { exact: true }).click();
  await page.getByRole('button', { name: 'Upgrade to Growth' }).click();
  await expect(page).toHaveURL(new RegExp(`^${FAKE_STRIPE_URL}/checkout/cs_test_\\w+$`));
  const session = (await stripeRequests()).findLast((r) => r.path === '/v1/checkout/sessions')!;
  expect(session.body).toMatchObject({
    mode: 'subscription',
    client_reference_id: teamId,
    line_items: [{ price: 'price_e2e_growth_year', quantity: '1' }],
  });

  // Opening the success URL without paying grants nothing.
  const peek = await page.context().newPage();
  await peek.goto(`${billingPath}?checkout=success`);
  await expect(peek.getByRole('status').filter({ hasText: 'as soon as Stripe confirms' })).toBeVisible();
  await expect(peek.getByTestId('current-plan')).toHaveText('Trial');
  await peek.close();

  // Paying: Stripe delivers signed webhooks, then returns to the billing page.
  await page.getByRole('button', { name: 'Pay' }).click();
  await expect(page).toHaveURL(new RegExp(`${billingPath}\\?checkout=success$`));
  await expect(page.getByRole('status').filter({ hasText: 'Growth is now the team’s plan' })).toBeVisible();
  await expect(page.getByTestId('current-plan')).toHaveText('Growth (yearly)');
  // The rest of the free trial is kept: the first payment comes when it ends.
  await expect(page.getByTestId('billing-status')).toContainText('then the first payment');
  await expect(page.getByRole('heading', { name: 'Choose a plan' })).toHaveCount(0);
  await expectAccessible(page);
  await screenshots(page, 'billing-growth');

  // The portal for card, invoices, plan changes and cancellation.
  await page.getByRole('button', { name: 'Manage billing' }).click();
  await expect(page).toHaveURL(new RegExp(`^${FAKE_STRIPE_URL}/portal/bps_\\w+$`));

  // Someone else's team: 404. A member of this team: 403.
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await signInAs(otherPage, DEMO.email, DEMO.password);
  const missing = await otherPage.goto(billingPath);
  expect(missing?.status()).toBe(404);
  await expect(otherPage.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  await query(
    `INSERT INTO "Membership" ("teamId", "userId", role) SELECT $1, id, 'MEMBER' FROM "User" WHERE email = $2`,
    [teamId, DEMO.email],
  );
  const refused = await otherPage.goto(billingPath);
  expect(refused?.status()).toBe(403);
  await expect(otherPage.getByRole('heading', { name: 'Not allowed' })).toBeVisible();
  await expect(otherPage.getByText('Growth')).toHaveCount(0);
  await query(`DELETE FROM "Membership" WHERE "teamId" = $1 AND "userId" = (SELECT id FROM "User" WHERE email = $2)`, [
    teamId,
    DEMO.email,
  ]);
  await other.close();
});

test('an owner whose free trial has ended is told so on every page and led to billing', async ({ page }) => {
  const owner = await createAccount(page, 'lapsed');
  const teamId = await teamOf(owner.email);
  await query(`UPDATE "Team" SET "createdAt" = now() - interval '31 days' WHERE id = $1`, [teamId]);
  await signInAs(page, owner.email, owner.password);

  const banner = page.getByRole('region', { name: 'Billing notices' });
  await expect(banner).toContainText('has ended. Its sites no longer record pageviews');
  await expectAccessible(page);
  await screenshots(page, 'billing-banner-trial-ended');
  await banner.getByRole('link', { name: 'Open billing' }).click();
  await expect(page).toHaveURL(new RegExp(`/teams/${teamId}/billing$`));
  await expect(page.getByTestId('billing-status')).toContainText('Free trial ended');
  await expect(page.getByText('Recording starts again as soon as the payment is confirmed.')).toBeVisible();
});
