import { describe, expect, it } from 'vitest';

import { dollarQuote } from './sql';

describe('dollarQuote', () => {
  it('wraps the text in a tag that the text does not contain', () => {
    for (const text of ['', 'plain', "it's", '$$', '$q$', 'a $tag$ b', '\\', '\u0000']) {
      const quoted = dollarQuote(text);
      const tag = /^\$q[0-9a-f]{8}[0-9a-z]+\$/.exec(quoted)![0];
      expect(quoted).toBe(`${tag}${text}${tag}`);
      expect(text.includes(tag)).toBe(false);
    }
  });

  it('picks a new tag for each literal', () => {
    expect(dollarQuote('x')).not.toBe(dollarQuote('x'));
  });

  it('moves on to another tag while the text contains the next one', () => {
    const next = /^\$q[0-9a-f]{8}([0-9a-z]+)\$/.exec(dollarQuote(''))!;
    const base = next[0].slice(0, 10);
    // The text holds the next few tags this process would pick.
    const counter = parseInt(next[1]!, 36);
    const text = [1, 2, 3].map((n) => `${base}${(counter + n).toString(36)}$`).join(' ');
    const quoted = dollarQuote(text);
    const tag = quoted.slice(0, quoted.indexOf('$', 2) + 1);
    expect(tag).toBe(`${base}${(counter + 4).toString(36)}$`);
    expect(quoted).toBe(`${tag}${text}${tag}`);
  });
});
