import { describe, expect, it } from 'vitest';

import { Invalid } from '@/lib/errors';

import { translateV2, v2QuerySchema } from './plausible-v2';

const translate = (query: Record<string, unknown>) => translateV2(v2QuerySchema.parse({ site_id: 'x.com', ...query }));

describe('translateV2', () => {
  it('maps metrics, ranges, dimensions, filters, order and pagination to a StatsQuery', () => {
    expect(
      translate({
        metrics: ['visitors', 'total_revenue'],
        date_range: ['2026-01-01', '2026-01-31'],
        dimensions: ['time:week', 'event:props:plan'],
        filters: [
          ['contains_not', 'visit:source', ['Goo']],
          ['is', 'event:goal', ['Signup']],
        ],
        order_by: [['visitors', 'asc']],
        pagination: { limit: 5, offset: 10 },
      }),
    ).toEqual({
      metrics: ['visitors', 'revenue'],
      dateRange: { from: '2026-01-01', to: '2026-01-31' },
      dimensions: ['prop:plan'],
      granularity: 'week',
      filters: [
        { dimension: 'source', operator: 'not_contains', values: ['Goo'] },
        { dimension: 'goal', operator: 'is', values: ['Signup'] },
      ],
      orderBy: { metric: 'visitors', direction: 'asc' },
      limit: 5,
      offset: 10,
    });
    expect(translate({ metrics: ['pageviews'], date_range: 'day', dimensions: ['time'] })).toMatchObject({
      dateRange: 'today',
      granularity: 'auto',
      dimensions: [],
    });
  });

  it('refuses what Glance cannot answer the same way', () => {
    for (const query of [
      { metrics: ['percentage'] },
      { metrics: ['visitors'], date_range: '6mo' },
      { metrics: ['visitors'], dimensions: ['visit:country_name'] },
      { metrics: ['visitors'], dimensions: ['event:page', 'visit:source'] },
      { metrics: ['visitors'], filters: [['is', 'time', ['2026-01-01']]] },
      { metrics: ['visitors'], order_by: [['event:page', 'asc']] },
    ]) {
      expect(() => translate(query), JSON.stringify(query)).toThrow(Invalid);
    }
    expect(() => v2QuerySchema.parse({ site_id: 'x', metrics: ['visitors'], filters: [['or', [], []]] })).toThrow();
  });
});
