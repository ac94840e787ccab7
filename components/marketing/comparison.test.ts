import { existsSync } from 'node:fs';

import { describe, expect, it } from 'vitest';

import { COMPARISON, COMPETITORS } from './comparison';

describe('the landing page comparison', () => {
  it('answers every question for every product and names the tests behind Glance’s answer', () => {
    for (const row of COMPARISON) {
      expect(Object.keys(row.answers).sort(), row.question).toEqual([...COMPETITORS].sort());
      expect(row.checkedBy.length, row.question).toBeGreaterThan(0);
      for (const file of row.checkedBy) expect(existsSync(file), `${row.question}: ${file}`).toBe(true);
    }
  });
});
