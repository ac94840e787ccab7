import { Writable } from 'node:stream';

import { describe, expect, it } from 'vitest';

import { createLogger, scrubText } from './log';

const IP4 = '203.0.113.77';
const IP6 = '2001:db8:85a3::8a2e:370:7334';
const UA = 'Mozilla/5.0 (X11; Linux x86_64) UA-CANARY-5f1c AppleWebKit/537.36';
const TOKEN = 'glc_s3cr3tT0kenValue1234567890';

function capture() {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { logger: createLogger({ level: 'trace', destination }), output: () => lines.join('') };
}

describe('logger redaction', () => {
  it('removes IPs, User-Agents, cookies and tokens passed as fields', () => {
    const { logger, output } = capture();
    logger.info(
      {
        ip: IP4,
        userAgent: UA,
        req: {
          headers: {
            'user-agent': UA,
            'x-forwarded-for': `${IP4}, ${IP6}`,
            authorization: `Bearer ${TOKEN}`,
            cookie: 'sid=abc123',
          },
        },
        token: TOKEN,
      },
      'hit received',
    );
    const text = output();
    expect(text).toContain('hit received');
    for (const secret of [IP4, IP6, UA, 'UA-CANARY-5f1c', TOKEN, 'sid=abc123']) expect(text).not.toContain(secret);
    expect(text).toContain('[redacted]');
  });

  it('masks IPs and bearer tokens inside free text and error messages', () => {
    const { logger, output } = capture();
    logger.warn(`connection from ${IP4} with Bearer ${TOKEN}`);
    logger.error({ err: new Error(`lookup failed for ${IP6}`) }, 'geo failed');
    logger.info({ note: `client ::ffff:${IP4}` }, 'nested');
    const text = output();
    for (const secret of [IP4, IP6, TOKEN]) expect(text).not.toContain(secret);
    expect(text).toContain('lookup failed for [redacted]');
  });

  it('keeps ordinary text, versions and times intact', () => {
    expect(scrubText('Chrome 156.0.8078.73 at 12:30:45, 3 rows')).toBe('Chrome 156.0.8078.73 at 12:30:45, 3 rows');
  });
});
