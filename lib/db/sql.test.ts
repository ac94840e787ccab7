import { describe, expect, it } from 'vitest';

import { dollarQuote } from './sql';

describe('dollarQuote', () => {
  it('wraps the text in a random tag that the text does not contain', () => {
    for (const text of ['', 'plain', "it's", '$$', '$q$', 'a $tag$ b', '\\', '\u0000']) {
      const quoted = dollarQuote(text);
      const tag = /^\$q[0-9a-f]{12}\$/.exec(quoted)![0];
      expect(quoted).toBe(`${tag}${text}${tag}`);
      expect(text.includes(tag)).toBe(false);
    }
  });

  it('picks a new tag for each literal', () => {
    expect(dollarQuote('x')).not.toBe(dollarQuote('x'));
  });
});
