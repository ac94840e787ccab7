// Who may reach billing, and what checkout and the portal send to Stripe (a local fake Stripe here).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createTestDatabase, type TestDatabase } from '@/lib/db/test-database';
import { Conflict, Forbidden, Invalid, NotFound } from '@/lib/errors';
import { createTeamFixture } from '@/lib/teams/test-fixtures';

import { startCheckout } from './checkout';
import { openBillingPortal } from './portal';
import { startBillingTest, type BillingTest } from './testing/billing-test-context';

let test: TestDatabase;
let billing: BillingTest;
const ids: Record<string, string> = {};

beforeAll(async () => {
  test = await createTestDatabase();
  billing = await startBillingTest(test);
  Object.assign(ids, await createTeamFixture(test.db, ['admin', 'member']));
});
afterAll(async () => {
  await billing.fake.stop();
  await test.drop();
});

const input = { plan: 'growth', interval: 'year' };

describe('who reaches billing', () => {
  it('refuses admins and members (403) and other teams (404), sending nothing to Stripe', async () => {
    await expect(startCheckout(billing.ctx, { userId: ids.admin! }, ids.team!, input)).rejects.toThrow(Forbidden);
    await expect(startCheckout(billing.ctx, { userId: ids.member! }, ids.team!, input)).rejects.toThrow(Forbidden);
    await expect(startCheckout(billing.ctx, { userId: ids.outsider! }, ids.team!, input)).rejects.toThrow(NotFound);
    await expect(openBillingPortal(billing.ctx, { userId: ids.admin! }, ids.team!)).rejects.toThrow(Forbidden);
    await expect(openBillingPortal(billing.ctx, { userId: ids.outsider! }, ids.team!)).rejects.toThrow(NotFound);
    expect(billing.fake.requests).toEqual([]);
  });

  it('validates the plan', async () => {
    await expect(
      startCheckout(billing.ctx, { userId: ids.owner! }, ids.team!, { plan: 'trial', interval: 'month' }),
    ).rejects.toThrow(Invalid);
    await expect(
      startCheckout(billing.ctx, { userId: ids.owner! }, ids.team!, { plan: 'growth', interval: 'week' }),
    ).rejects.toThrow(Invalid);
  });
});

describe('checkout and portal', () => {
  it('creates one customer for the team and a subscription-mode session naming the team and price', async () => {
    await expect(openBillingPortal(billing.ctx, { userId: ids.owner! }, ids.team!)).rejects.toThrow(Conflict);
    const first = await startCheckout(billing.ctx, { userId: ids.owner! }, ids.team!, input);
    const second = await startCheckout(billing.ctx, { userId: ids.owner! }, ids.team!, {
      plan: 'starter',
      interval: 'month',
    });
    expect(first).toMatch(new RegExp(`^${billing.fake.url}/checkout/cs_test_`));
    expect(second).not.toBe(first);
    const customers = billing.fake.requests.filter((r) => r.path === '/v1/customers');
    expect(customers).toHaveLength(1);
    expect(customers[0]).toMatchObject({
      body: { metadata: { teamId: ids.team } },
      idempotencyKey: `glance-customer-${ids.team}`,
    });
    const stored = await test.db.subscription.findUniqueOrThrow({ where: { teamId: ids.team! } });
    expect(stored.stripeCustomerId).toMatch(/^cus_/);
    const [session] = billing.fake.requests.filter((r) => r.path === '/v1/checkout/sessions');
    expect(session!.body).toMatchObject({
      mode: 'subscription',
      client_reference_id: ids.team,
      customer: stored.stripeCustomerId,
      line_items: [{ price: 'price_growth_year', quantity: '1' }],
      subscription_data: { metadata: { teamId: ids.team } },
      automatic_tax: { enabled: 'true' },
      success_url: `http://localhost:3000/teams/${ids.team}/billing?checkout=success`,
    });
    // The checkout URL alone grants nothing: the team is still on its trial.
    expect(await test.db.subscription.findUniqueOrThrow({ where: { teamId: ids.team! } })).toMatchObject({
      plan: 'trial',
      stripeSubscriptionId: null,
    });
    expect(
      await test.db.auditLog.count({
        where: { teamId: ids.team, action: 'billing.checkout_started', actorId: ids.owner },
      }),
    ).toBe(2);

    const portal = await openBillingPortal(billing.ctx, { userId: ids.owner! }, ids.team!);
    expect(portal).toMatch(new RegExp(`^${billing.fake.url}/portal/bps_`));
    expect(billing.fake.requests.at(-1)!.body).toMatchObject({
      return_url: `http://localhost:3000/teams/${ids.team}/billing`,
    });
  });

  it('sends a team that already pays to the portal instead of a second subscription', async () => {
    await test.db.subscription.update({
      where: { teamId: ids.team! },
      data: { stripeSubscriptionId: 'sub_existing', status: 'active', plan: 'growth' },
    });
    await expect(startCheckout(billing.ctx, { userId: ids.owner! }, ids.team!, input)).rejects.toThrow(Conflict);
  });
});
