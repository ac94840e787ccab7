// The data policy and privacy policy list every table and column: adding one to the schema
// without describing it fails here (and in tsc), so the published lists stay complete.
import { readFileSync } from 'node:fs';

import { describe, expect, it } from 'vitest';

import { PAID_PLANS } from '@/lib/billing/plans';

import { EVENT_RETENTION_RANGE, NEVER_STORED } from './hit-data';
import { documentedModels, STORED_DATA } from './stored-data';

/** Scalar and enum columns of every model in schema.prisma (relation fields are not columns). */
function schemaColumns(): Map<string, string[]> {
  const schema = readFileSync('prisma/schema.prisma', 'utf8');
  const models = [...schema.matchAll(/^model (\w+) \{([\s\S]*?)^\}/gm)];
  const modelNames = new Set(models.map((m) => m[1]!));
  return new Map(
    models.map(([, name, body]) => {
      const columns = body!
        .split('\n')
        .map((line) => line.trim())
        .filter((line) => line && !line.startsWith('//') && !line.startsWith('@@'))
        .map((line) => /^(\w+)\s+(\w+)/.exec(line))
        .filter((match): match is RegExpExecArray => match !== null && !modelNames.has(match[2]!))
        .map((match) => match[1]!);
      return [name!, columns];
    }),
  );
}

describe('stored-data documentation', () => {
  const columns = schemaColumns();

  it('describes every model of the schema, and no model that does not exist', () => {
    expect(Object.keys(STORED_DATA).sort()).toEqual([...columns.keys()].sort());
  });

  it.each([...columns.entries()])('describes every column of %s', (model, modelColumns) => {
    const doc = STORED_DATA[model as keyof typeof STORED_DATA];
    expect(Object.keys(doc.fields).sort(), `columns of ${model}`).toEqual([...modelColumns].sort());
    for (const [field, text] of Object.entries(doc.fields)) {
      expect(text.length, `${model}.${field} needs a real description`).toBeGreaterThan(5);
    }
    expect(doc.purpose.length).toBeGreaterThan(10);
    expect(doc.retention.length).toBeGreaterThan(10);
  });

  it('puts the hit tables on the data policy and the rest on the privacy policy', () => {
    expect(documentedModels('visitor').map((m) => m.model)).toEqual(['Event', 'Visit', 'DailySalt', 'Rollup', 'RollupDay']);
    expect(documentedModels('account').map((m) => m.model)).not.toContain('Event');
  });

  it('states the retention range of the plans', () => {
    const months = PAID_PLANS.map((plan) => plan.limits.retentionMonths);
    expect(EVENT_RETENTION_RANGE).toBe(`${Math.min(...months)} to ${Math.max(...months)} months`);
  });

  it('never lists as "not stored" something a column holds', () => {
    const visitorColumns = documentedModels('visitor').flatMap((m) => m.fields.map(([field]) => field.toLowerCase()));
    for (const forbidden of ['ip', 'ipaddress', 'useragent', 'url', 'referrer', 'cookie', 'fingerprint']) {
      expect(visitorColumns).not.toContain(forbidden);
    }
    expect(NEVER_STORED.map((entry) => entry.item)).toContain('IP addresses');
  });
});
