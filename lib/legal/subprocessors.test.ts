import { describe, expect, it } from 'vitest';

import { parseConfig } from '@/lib/config';

import { operator } from './operator';
import { subprocessors } from './subprocessors';

describe('sub-processors', () => {
  it('name the configured hosting provider as the only one that receives visitor data', () => {
    const list = subprocessors(operator(parseConfig({ HOSTING_PROVIDER: 'Example Hosting GmbH, Germany' })));
    expect(list.filter((entry) => entry.visitorData).map((entry) => entry.name)).toEqual([
      'Example Hosting GmbH, Germany',
    ]);
    expect(list.some((entry) => entry.name.startsWith('Stripe'))).toBe(true);
  });

  it('list the email provider only when one is configured', () => {
    const without = subprocessors(operator(parseConfig({})));
    const withEmail = subprocessors(operator(parseConfig({ EMAIL_PROVIDER: 'Example Mail GmbH, Germany' })));
    expect(withEmail.length).toBe(without.length + 1);
    expect(withEmail.at(-1)).toMatchObject({ name: 'Example Mail GmbH, Germany', visitorData: false });
  });
});
