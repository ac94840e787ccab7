import { describe, expect, it } from 'vitest';

import { belongsToSite, matchesPathPattern, readPageUrl } from './page-url';

const read = (url: string, hashRouting = false, allowedQueryParams: string[] = []) =>
  readPageUrl(url, { hashRouting, allowedQueryParams });

describe('readPageUrl', () => {
  it('keeps the path and drops query and fragment', () => {
    expect(read('https://Example.com/blog/post?email=a@b.c&token=x#top')).toMatchObject({
      hostname: 'example.com',
      pathname: '/blog/post',
    });
  });

  it('keeps only allow-listed query parameters, sorted', () => {
    expect(read('https://example.com/search?q=shoes&session=123&page=2', false, ['q', 'page']).pathname).toBe(
      '/search?page=2&q=shoes',
    );
  });

  it('uses the fragment as the path for hash-routed sites', () => {
    expect(read('https://example.com/app/#/settings/profile?tab=1', true).pathname).toBe('/settings/profile');
    expect(read('https://example.com/app/#section', true).pathname).toBe('/app/');
  });

  it('reads UTM tags, ref=, and the presence (not the value) of click ids', () => {
    const page = read('https://example.com/?utm_source=Newsletter&utm_medium=email&utm_campaign=nov&gclid=SECRET');
    expect(page.utm).toEqual({
      utmSource: 'Newsletter',
      utmMedium: 'email',
      utmCampaign: 'nov',
      utmTerm: null,
      utmContent: null,
    });
    expect(page.clickId).toBe(true);
    expect(JSON.stringify(page)).not.toContain('SECRET');
    expect(read('https://example.com/?ref=producthunt').utm.utmSource).toBe('producthunt');
  });

  it('drops NUL characters from UTM tags (PostgreSQL cannot store them)', () => {
    const page = read('https://example.com/?utm_source=a%00b&utm_medium=%00');
    expect(page.utm).toMatchObject({ utmSource: 'ab', utmMedium: null });
  });

  it('caps very long paths and tags', () => {
    const page = read(`https://example.com/${'a'.repeat(1500)}?utm_campaign=${'c'.repeat(300)}`);
    expect(page.pathname.length).toBe(1000);
    expect(page.utm.utmCampaign?.length).toBe(100);
  });
});

describe('belongsToSite', () => {
  it('accepts the domain, www. and subdomains, and nothing else', () => {
    expect(belongsToSite('example.com', 'example.com')).toBe(true);
    expect(belongsToSite('www.example.com', 'example.com')).toBe(true);
    expect(belongsToSite('shop.example.com', 'example.com')).toBe(true);
    expect(belongsToSite('example.com.evil.net', 'example.com')).toBe(false);
    expect(belongsToSite('notexample.com', 'example.com')).toBe(false);
  });
});

describe('matchesPathPattern', () => {
  it('matches * within a segment and ** across segments', () => {
    expect(matchesPathPattern('/blog/post-1', '/blog/*')).toBe(true);
    expect(matchesPathPattern('/blog/2026/post', '/blog/*')).toBe(false);
    expect(matchesPathPattern('/blog/2026/post', '/blog/**')).toBe(true);
    expect(matchesPathPattern('/admin', '/admin')).toBe(true);
    expect(matchesPathPattern('/administrator', '/admin')).toBe(false);
    expect(matchesPathPattern('/a.b', '/a.b')).toBe(true);
    expect(matchesPathPattern('/axb', '/a.b')).toBe(false);
  });
});
