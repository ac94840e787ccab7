import { readFileSync } from 'node:fs';

import { describe, expect, it } from 'vitest';

import { CONFIG_VARIABLES } from '@/lib/config';

import { parseEnvExample } from './env-example';

describe('parseEnvExample', () => {
  it('finds every configuration variable with its description for the self-hosting guide', () => {
    const variables = parseEnvExample(readFileSync('.env.example', 'utf8'));
    expect(variables.map((v) => v.name).sort()).toEqual([...CONFIG_VARIABLES].sort());
    for (const variable of variables) expect(variable.description.length, variable.name).toBeGreaterThan(10);
  });

  it('joins multi-line comments and tells set from commented-out lines', () => {
    const [first, second] = parseEnvExample(
      '# Line one\n# line two.\nA_VAR=1\n\n# ── Ruler\n\n# Optional.\n# B_VAR=x\n',
    );
    expect(first).toEqual({ name: 'A_VAR', example: '1', setByDefault: true, description: 'Line one line two.' });
    expect(second).toEqual({ name: 'B_VAR', example: 'x', setByDefault: false, description: 'Optional.' });
  });
});
