import { readFileSync } from 'node:fs';

import { describe, expect, it } from 'vitest';

import { CONFIG_VARIABLES, ConfigError, DEVELOPMENT_AUTH_SECRET, OPERATOR_PLACEHOLDERS, parseConfig } from './config';

const PRODUCTION = {
  APP_ENV: 'production',
  AUTH_SECRET: 'x'.repeat(48),
  APP_URL: 'https://glance.example.com',
  DATABASE_URL: 'postgresql://db/glance',
  SMTP_URL: 'smtps://glance:secret@mail.example.com:465',
  ENCRYPTION_KEYS: `k1:${'A'.repeat(43)}=`,
  OPERATOR_NAME: 'Glance Analytics GmbH',
  OPERATOR_ADDRESS: 'Beispielstraße 1, 10115 Berlin, Germany',
  OPERATOR_EMAIL: 'privacy@glance.example.com',
  OPERATOR_REPRESENTATIVE: 'Jane Example',
  HOSTING_PROVIDER: 'Example Hosting GmbH, Germany',
};

function problemsOf(env: Record<string, string>): string[] {
  try {
    parseConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).problems;
  }
  throw new Error('expected a ConfigError');
}

describe('parseConfig', () => {
  it('starts with safe defaults in development', () => {
    const config = parseConfig({});
    expect(config.APP_ENV).toBe('development');
    expect(config.PORT).toBe(3000);
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.AUTH_SECRET).toBe(DEVELOPMENT_AUTH_SECRET);
    expect(config.demoData).toBe(true);
  });

  it('treats empty strings as unset', () => {
    expect(parseConfig({ DATABASE_URL: '', PORT: '' }).DATABASE_URL).toBeUndefined();
  });

  it('names a malformed variable and says what is wrong', () => {
    const problems = problemsOf({ PORT: 'eighty', DATABASE_URL: 'mysql://x' });
    expect(problems).toHaveLength(2);
    expect(problems.find((p) => p.startsWith('PORT (invalid)'))).toBeDefined();
    expect(problems.find((p) => p.startsWith('DATABASE_URL (invalid)'))).toMatch(/postgresql:\/\//);
  });

  it('refuses to run production without real secrets and operator details, naming each missing one', () => {
    const problems = problemsOf({ APP_ENV: 'production', APP_URL: 'https://glance.example.com' });
    expect(problems).toEqual([
      expect.stringMatching(/^AUTH_SECRET \(missing\): must be set to a random secret/),
      expect.stringMatching(/^ENCRYPTION_KEYS \(missing\): must not include the public development key/),
      expect.stringMatching(/^DATABASE_URL \(missing\): is required in production/),
      expect.stringMatching(/^SMTP_URL \(missing\): is required in production/),
      ...['OPERATOR_NAME', 'OPERATOR_ADDRESS', 'OPERATOR_EMAIL', 'OPERATOR_REPRESENTATIVE', 'HOSTING_PROVIDER'].map(
        (name) => `${name} (missing): is required in production (legal pages name it)`,
      ),
    ]);
  });

  it('rejects a short secret and plain http in production', () => {
    const problems = problemsOf({
      APP_ENV: 'production',
      AUTH_SECRET: 'short',
      APP_URL: 'http://glance.example.com',
      DATABASE_URL: 'postgresql://db/glance',
    });
    expect(problems.some((p) => p.startsWith('AUTH_SECRET (invalid): must be at least 32 characters'))).toBe(true);
    expect(problems.some((p) => p.startsWith('APP_URL (invalid): must use https://'))).toBe(true);
  });

  it('accepts a complete production configuration and turns demo data off', () => {
    const config = parseConfig(PRODUCTION);
    expect(config.isProduction).toBe(true);
    expect(config.demoData).toBe(false);
    expect(config.operatorPlaceholders).toEqual([]);
    expect(config.OPERATOR_NAME).toBe('Glance Analytics GmbH');
    expect(config.SECURITY_CONTACT).toBe('privacy@glance.example.com');
  });

  it('turns billing on only with a Stripe key, and then requires the webhook secret and every price', () => {
    expect(parseConfig({}).STRIPE_SECRET_KEY).toBeUndefined();
    const problems = problemsOf({ STRIPE_SECRET_KEY: 'sk_live_abc', STRIPE_PRICE_GROWTH_MONTH: 'price_1' });
    expect(problems).toContain('STRIPE_WEBHOOK_SECRET (missing): is required when STRIPE_SECRET_KEY is set');
    expect(problems).toContain('STRIPE_PRICE_SCALE_YEAR (missing): is required when STRIPE_SECRET_KEY is set');
    expect(problems.some((p) => p.startsWith('STRIPE_PRICE_GROWTH_MONTH'))).toBe(false);
    expect(problemsOf({ STRIPE_PRICE_GROWTH_MONTH: 'plan_1' })).toEqual([
      'STRIPE_PRICE_GROWTH_MONTH (invalid): must be a Stripe price id (price_…)',
    ]);
  });

  it('refuses the test-only Stripe endpoint in production', () => {
    expect(problemsOf({ ...PRODUCTION, STRIPE_API_HOST: '127.0.0.1', STRIPE_API_PORT: '12111' })).toEqual([
      'STRIPE_API_HOST (invalid): is for tests only and must not be set in production',
      'STRIPE_API_PORT (invalid): is for tests only and must not be set in production',
    ]);
    expect(parseConfig({ STRIPE_API_HOST: '127.0.0.1', STRIPE_API_PORT: '12111' }).STRIPE_API_PORT).toBe(12111);
  });

  it('marks operator details as placeholders outside production', () => {
    const config = parseConfig({});
    expect(config.operatorPlaceholders).toEqual(Object.keys(OPERATOR_PLACEHOLDERS));
    for (const name of config.operatorPlaceholders) expect(config[name]).toBe(OPERATOR_PLACEHOLDERS[name]);
    expect(config.SECURITY_CONTACT).toBe(OPERATOR_PLACEHOLDERS.OPERATOR_EMAIL);
  });

  it('accepts an https URL or an email as the security contact, nothing else', () => {
    expect(parseConfig({ SECURITY_CONTACT: 'https://glance.example.com/report' }).SECURITY_CONTACT).toBe(
      'https://glance.example.com/report',
    );
    expect(problemsOf({ SECURITY_CONTACT: 'http://glance.example.com/report' })).toEqual([
      'SECURITY_CONTACT (invalid): must be an email address or an https:// URL',
    ]);
  });

  it('produces a message without a stack trace', () => {
    let message = '';
    try {
      parseConfig({ LOG_LEVEL: 'loud' });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain('LOG_LEVEL (invalid)');
    expect(message).not.toMatch(/\bat .+:\d+:\d+/);
    expect(message).toContain('.env.example');
  });
});

describe('.env.example', () => {
  it('lists and explains exactly the variables the config reads', () => {
    const text = readFileSync('.env.example', 'utf8');
    const listed = [...text.matchAll(/^#?\s?([A-Z][A-Z0-9_]+)=/gm)].map((match) => match[1]);
    expect([...new Set(listed)].sort()).toEqual([...CONFIG_VARIABLES].sort());
    for (const name of CONFIG_VARIABLES) {
      const block = text.slice(0, text.search(new RegExp(`^#?\\s?${name}=`, 'm')));
      expect(block.trimEnd().split('\n').at(-1), `${name} needs a comment above it`).toMatch(/^#/);
    }
  });
});
