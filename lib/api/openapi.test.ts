// The OpenAPI document is valid OpenAPI 3.1, and it describes what the endpoints actually accept.
import { Validator } from '@seriousme/openapi-schema-validator';
import { describe, expect, it } from 'vitest';

import { openApiDocument } from './openapi';

const document = openApiDocument('https://glance.example.com');

describe('openApiDocument', () => {
  it('validates as OpenAPI 3.1', async () => {
    const validator = new Validator();
    const result = await validator.validate(structuredClone(document));
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe('3.1');
  });

  it('resolves every $ref to a component', () => {
    const refs = [...JSON.stringify(document).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map((m) => m[1]!);
    expect(refs.length).toBeGreaterThan(10);
    for (const name of refs) expect(document.components.schemas, name).toHaveProperty(name);
  });

  it('documents request bodies from the validating schemas, with their limits and defaults', () => {
    const stats = JSON.stringify(document.components.schemas.StatsQuery);
    for (const text of ['"siteId"', '"metrics"', '"bounce_rate"', '"dateRange"', '"30d"', '"maximum":10000']) {
      expect(stats).toContain(text);
    }
    const event = document.components.schemas.ServerEvent as { required?: string[] };
    expect(event.required).toEqual(expect.arrayContaining(['domain', 'name', 'url', 'ip', 'userAgent']));
    expect(Object.keys(document.paths)).toEqual([
      '/api/v1/stats/query',
      '/api/v2/query',
      '/api/v1/sites',
      '/api/v1/sites/{siteId}',
      '/api/v1/sites/{siteId}/realtime',
      '/api/v1/sites/{siteId}/goals',
      '/api/v1/sites/{siteId}/goals/{goalId}',
      '/api/v1/sites/{siteId}/shared-links',
      '/api/v1/sites/{siteId}/shared-links/{linkId}',
      '/api/v1/events',
    ]);
  });

  it('documents every route of the public API and no other', async () => {
    const { readdirSync } = await import('node:fs');
    const routes = (readdirSync('app/api', { recursive: true }) as string[])
      .filter((file) => file.endsWith('route.ts') && /^v[12]\//.test(file) && !file.includes('openapi.json'))
      .map((file) => `/api/${file.replace(/\/route\.ts$/, '').replace(/\[(\w+)\]/g, '{$1}')}`)
      .sort();
    expect(Object.keys(document.paths).sort()).toEqual(routes);
  });
});
