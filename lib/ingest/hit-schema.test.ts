import { describe, expect, it } from 'vitest';

import { parseHit } from './hit-schema';

const valid = { n: 'pageview', u: 'https://example.com/', d: 'example.com' };
const parse = (value: unknown) => parseHit(typeof value === 'string' ? value : JSON.stringify(value));

describe('parseHit', () => {
  it('accepts a minimal pageview and a full custom event', () => {
    expect(parse(valid)).toEqual({ ok: true, hit: valid });
    const full = parse({
      ...valid,
      n: 'Signup',
      r: 'https://google.com/',
      w: 1280,
      h: 1,
      p: { plan: 'pro', seats: 3, trial: true },
      $: { a: 19.99, c: 'eur' },
    });
    expect(full).toMatchObject({
      ok: true,
      hit: { p: { plan: 'pro', seats: '3', trial: 'true' }, $: { a: '19.99', c: 'EUR' } },
    });
  });

  it('ignores unknown keys', () => {
    expect(parse({ ...valid, extra: { deep: 1 } })).toEqual({ ok: true, hit: valid });
  });

  it.each([
    ['not json', '{', 'body is not valid JSON'],
    ['an array', [valid], 'expected object'],
    ['a missing name', { u: valid.u, d: valid.d }, 'n:'],
    ['an empty name', { ...valid, n: '  ' }, 'n: event name is empty'],
    ['a long name', { ...valid, n: 'x'.repeat(121) }, 'n: event name is longer than 120 characters'],
    ['a javascript: url', { ...valid, u: 'javascript:alert(1)' }, 'u: url must be an http(s) URL'],
    ['a url that is a number', { ...valid, u: 42 }, 'u:'],
    ['a huge width', { ...valid, w: 1e9 }, 'w:'],
    ['nested props', { ...valid, p: { a: { b: 1 } } }, 'p.a'],
    [
      'too many props',
      { ...valid, p: Object.fromEntries(Array.from({ length: 31 }, (_, i) => [`k${i}`, 'v'])) },
      'p: at most 30 properties',
    ],
    ['a bad currency', { ...valid, $: { a: 1, c: 'EURO' } }, '$.c: currency must be a 3-letter ISO 4217 code'],
    ['a non-numeric amount', { ...valid, $: { a: '1e5; DROP TABLE', c: 'EUR' } }, '$.a'],
    ['an amount too large for the column', { ...valid, $: { a: -100000000000024.05, c: 'USD' } }, '$.a: amount must'],
    ['an amount string too large for the column', { ...valid, $: { a: '100000000000000', c: 'USD' } }, '$.a: amount'],
    ['a NUL in the name', { ...valid, n: 'a\u0000b' }, 'n: contains a NUL character'],
    ['a NUL in the domain', { ...valid, d: 'example.com\u0000' }, 'd: contains a NUL character'],
    ['a NUL in a prop key', { ...valid, p: { 'k\u0000': 'v' } }, 'p.k\u0000: Invalid key in record'],
    ['a NUL in a prop value', { ...valid, p: { k: '\u0000' } }, 'p.k: contains a NUL character'],
    ['an unpaired surrogate', { ...valid, p: { k: 'a\ud800' } }, 'p.k: contains a NUL character or an unpaired'],
    ['null', null, 'expected object'],
  ])('rejects %s with a reason', (_, input, reason) => {
    const result = parse(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toContain(reason);
  });

  it('keeps script and unicode in values as inert text', () => {
    const result = parse({ ...valid, n: '<script>alert(1)</script>', p: { 'émoji 🎉': '"; DROP TABLE "Event"; --' } });
    expect(result).toMatchObject({
      ok: true,
      hit: { n: '<script>alert(1)</script>', p: { 'émoji 🎉': '"; DROP TABLE "Event"; --' } },
    });
  });
});
