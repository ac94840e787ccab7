import { describe, expect, it } from 'vitest';

import { isAutomated } from './bots';
import { parseUserAgent, screenClass } from './user-agent';

describe('parseUserAgent', () => {
  it('keeps browser family and major version, OS and device class only', () => {
    expect(
      parseUserAgent(
        'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.8078.73 Safari/537.36',
      ),
    ).toEqual({ browser: 'Chrome', browserVersion: '156', os: 'Windows', osVersion: '10', device: 'desktop' });
    expect(
      parseUserAgent(
        'Mozilla/5.0 (iPhone; CPU iPhone OS 18_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.2 Mobile/15E148 Safari/604.1',
      ),
    ).toEqual({ browser: 'Mobile Safari', browserVersion: '18', os: 'iOS', osVersion: '18', device: 'mobile' });
    expect(
      parseUserAgent(
        'Mozilla/5.0 (iPad; CPU OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Version/17.0 Mobile/15E148 Safari/604.1',
      ).device,
    ).toBe('tablet');
    expect(parseUserAgent('Mozilla/5.0 (X11; Linux x86_64; rv:150.0) Gecko/20100101 Firefox/150.0')).toMatchObject({
      browser: 'Firefox',
      browserVersion: '150',
      os: 'Linux',
    });
  });

  it('classifies screens by width', () => {
    expect([undefined, 0, 390, 800, 1280, 1920].map(screenClass)).toEqual([
      null,
      null,
      'mobile',
      'tablet',
      'laptop',
      'desktop',
    ]);
  });
});

describe('isAutomated', () => {
  it.each([
    'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)',
    'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/156.0.0.0 Safari/537.36',
    'curl/8.5.0',
    'python-requests/2.32',
    'Mozilla/5.0 (compatible; bingbot/2.0)',
    '',
    'x'.repeat(2000),
  ])('drops %s', (ua) => expect(isAutomated(ua)).toBe(true));

  it('keeps ordinary browsers', () => {
    expect(
      isAutomated(
        'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Safari/605.1.15',
      ),
    ).toBe(false);
  });
});
