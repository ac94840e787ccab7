import { describe, expect, it } from 'vitest';

import { decodeStripeForm } from './form-body';

describe('decodeStripeForm', () => {
  it('nests bracketed keys into objects and arrays as the Stripe client encodes them', () => {
    const body =
      'mode=subscription&line_items[0][price]=price_1&line_items[0][quantity]=1&subscription_data[metadata][teamId]=t1';
    expect(decodeStripeForm(body)).toEqual({
      mode: 'subscription',
      line_items: [{ price: 'price_1', quantity: '1' }],
      subscription_data: { metadata: { teamId: 't1' } },
    });
  });
});
