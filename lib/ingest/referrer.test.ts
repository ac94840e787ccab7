import { describe, expect, it } from 'vitest';

import { classifySource, type Utm } from './referrer';

const noUtm: Utm = { utmSource: null, utmMedium: null, utmCampaign: null, utmTerm: null, utmContent: null };
const classify = (referrer: string | null, utm: Partial<Utm> = {}, clickId = false) =>
  classifySource(referrer, 'example.com', { ...noUtm, ...utm }, clickId);

describe('classifySource', () => {
  it.each([
    ['https://www.google.com/', 'Google', 'search', 'google.com'],
    ['https://www.google.co.uk/search?q=x', 'Google', 'search', 'google.co.uk'],
    ['https://duckduckgo.com/', 'DuckDuckGo', 'search', 'duckduckgo.com'],
    ['https://search.brave.com/search?q=x', 'Brave Search', 'search', 'search.brave.com'],
    ['https://t.co/abc', 'X (Twitter)', 'social', 't.co'],
    ['https://news.ycombinator.com/item?id=1', 'Hacker News', 'social', 'news.ycombinator.com'],
    ['https://mail.google.com/mail/u/0', 'Gmail', 'email', 'mail.google.com'],
    ['https://blog.someone.dev/post', 'blog.someone.dev', 'referral', 'blog.someone.dev'],
  ])('%s → %s (%s)', (referrer, source, channel, domain) => {
    expect(classify(referrer)).toEqual({ referrerSource: source, channel, referrerDomain: domain });
  });

  it('treats no referrer, a non-web referrer and the site itself as direct', () => {
    for (const referrer of [null, '', 'android-app://com.x', 'not a url', 'https://www.example.com/other-page']) {
      expect(classify(referrer)).toEqual({ referrerSource: null, channel: 'direct', referrerDomain: null });
    }
  });

  it('uses UTM tags and click ids for paid and email traffic', () => {
    expect(classify(null, { utmSource: 'newsletter', utmMedium: 'email' })).toMatchObject({
      referrerSource: 'newsletter',
      channel: 'email',
    });
    expect(classify('https://www.google.com/', { utmMedium: 'cpc' })).toMatchObject({
      referrerSource: 'Google',
      channel: 'paid',
    });
    expect(classify('https://www.google.com/', {}, true)).toMatchObject({ channel: 'paid' });
    expect(classify(null, { utmSource: 'podcast' })).toMatchObject({ referrerSource: 'podcast', channel: 'referral' });
  });

  it('does not mistake look-alike hosts for search engines', () => {
    expect(classify('https://google.evil.example/')).toMatchObject({
      channel: 'referral',
      referrerSource: 'google.evil.example',
    });
    expect(classify('https://www.google.com.br/')).toMatchObject({ channel: 'search', referrerSource: 'Google' });
    expect(classify('https://notgoogle.com/')).toMatchObject({ channel: 'referral', referrerSource: 'notgoogle.com' });
  });
});
