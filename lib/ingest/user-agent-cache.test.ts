import { describe, expect, it } from 'vitest';

import { isAutomated } from './bots';
import { parseUserAgent } from './user-agent';
import { createUserAgentCache } from './user-agent-cache';

const AGENTS = [
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.8078.73 Safari/537.36',
  'Mozilla/5.0 (iPhone; CPU iPhone OS 18_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.2 Mobile/15E148 Safari/604.1',
  'Mozilla/5.0 (X11; Linux x86_64; rv:150.0) Gecko/20100101 Firefox/150.0',
  'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)',
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/156.0 Safari/537.36',
  'curl/8.5',
  '',
];

describe('describeUserAgent', () => {
  it('answers exactly what isAutomated and parseUserAgent answer, first time and from the cache', () => {
    const describeUserAgent = createUserAgentCache();
    for (let round = 0; round < 2; round++) {
      for (const agent of AGENTS) {
        expect(describeUserAgent(agent)).toEqual(
          isAutomated(agent) ? { automated: true } : { automated: false, device: parseUserAgent(agent) },
        );
      }
    }
  });

  it('parses each User-Agent once and hands out the same frozen facts', () => {
    const describeUserAgent = createUserAgentCache();
    const first = describeUserAgent(AGENTS[0]!);
    expect(describeUserAgent(AGENTS[0]!)).toBe(first);
    expect(first.automated === false && Object.isFrozen(first.device)).toBe(true);
  });

  it('stays correct when more User-Agents arrive than it holds', () => {
    const describeUserAgent = createUserAgentCache(2);
    for (let round = 0; round < 3; round++) {
      for (const agent of AGENTS) expect(describeUserAgent(agent).automated).toBe(isAutomated(agent));
    }
  });
});
