// Every environment variable Glance reads, parsed once with zod. Nothing else touches process.env.
import { z } from 'zod';

/** True under `next dev` (Next.js sets NODE_ENV; it is inlined at build time, not configuration). */
export const isNextDev = process.env.NODE_ENV === 'development';

/** Used only outside production so that a fresh clone starts without any setup. */
export const DEVELOPMENT_AUTH_SECRET = 'glance-development-secret-do-not-use-in-production';

/**
 * Who runs this Glance (imprint, privacy policy, terms, DPA, security.txt). Outside production these
 * fall back to the clearly marked placeholders below; production refuses to start without them.
 */
export const OPERATOR_PLACEHOLDERS = {
  OPERATOR_NAME: 'Example Analytics Ltd (placeholder)',
  OPERATOR_ADDRESS: '1 Example Street, 00000 Example City, Exampleland (placeholder)',
  OPERATOR_EMAIL: 'privacy@example.com',
  OPERATOR_REPRESENTATIVE: 'Jane Example (placeholder)',
  HOSTING_PROVIDER: 'Example Hosting Inc., Exampleland (placeholder)',
} as const;

/**
 * Development-only envelope key (lib/crypto/envelope.ts). Public, so production refuses it. Key id "dev".
 */
export const DEVELOPMENT_ENCRYPTION_KEYS = 'dev:Z2xhbmNlLWRldmVsb3BtZW50LWtleS0zMi1ieXRlcyE';

/** `id:base64url-32-bytes` pairs, comma-separated; the last one encrypts, every one decrypts. */
const encryptionKeys = z
  .string()
  .regex(
    /^[a-z0-9]{1,16}:[A-Za-z0-9_\-+/]{43}=?(,[a-z0-9]{1,16}:[A-Za-z0-9_\-+/]{43}=?)*$/,
    'must be comma-separated id:key pairs, each key 32 random bytes in base64 (openssl rand -base64 32)',
  );

/** STRIPE_PRICE_<PLAN>_<INTERVAL>: the Stripe price id of each paid plan and billing interval. */
const stripePriceId = () =>
  z
    .string()
    .regex(/^price_\w+$/, 'must be a Stripe price id (price_…)')
    .optional();
const STRIPE_PRICE_FIELDS = {
  STRIPE_PRICE_STARTER_MONTH: stripePriceId(),
  STRIPE_PRICE_STARTER_YEAR: stripePriceId(),
  STRIPE_PRICE_GROWTH_MONTH: stripePriceId(),
  STRIPE_PRICE_GROWTH_YEAR: stripePriceId(),
  STRIPE_PRICE_BUSINESS_MONTH: stripePriceId(),
  STRIPE_PRICE_BUSINESS_YEAR: stripePriceId(),
  STRIPE_PRICE_SCALE_MONTH: stripePriceId(),
  STRIPE_PRICE_SCALE_YEAR: stripePriceId(),
};

const booleanFlag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'must be true or false' })
  .transform((value) => ['true', '1', 'yes'].includes(value));

const schema = z
  .object({
    APP_ENV: z.enum(['development', 'test', 'production']).default('development'),
    APP_URL: z
      .url({ message: 'must be an absolute URL such as https://glance.example.com' })
      .default('http://localhost:3000'),
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must be a postgresql:// connection string')
      .optional(),
    DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(100).default(10),
    EMBEDDED_DB_DIR: z.string().min(1).default('.data/pglite'),
    AUTH_SECRET: z.string().min(32, 'must be at least 32 characters').default(DEVELOPMENT_AUTH_SECRET),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    DEMO_DATA: booleanFlag.optional(),
    TRUST_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
    INGEST_QUEUE_MAX: z.coerce.number().int().min(1).max(1_000_000).default(20_000),
    INGEST_BATCH_MAX: z.coerce.number().int().min(1).max(10_000).default(500),
    INGEST_FLUSH_MS: z.coerce.number().int().min(0).max(1_000).default(1),
    OPERATOR_NAME: z.string().trim().min(2).max(200).optional(),
    OPERATOR_ADDRESS: z.string().trim().min(5).max(500).optional(),
    OPERATOR_EMAIL: z.email({ message: 'must be an email address' }).optional(),
    OPERATOR_REPRESENTATIVE: z.string().trim().min(2).max(200).optional(),
    OPERATOR_REGISTER: z.string().trim().min(2).max(200).optional(),
    OPERATOR_VAT_ID: z.string().trim().min(2).max(50).optional(),
    OPERATOR_PHONE: z.string().trim().min(3).max(50).optional(),
    SECURITY_CONTACT: z
      .union([z.email(), z.url({ protocol: /^https$/ })], {
        message: 'must be an email address or an https:// URL',
      })
      .optional(),
    HOSTING_PROVIDER: z.string().trim().min(2).max(200).optional(),
    EMAIL_PROVIDER: z.string().trim().min(2).max(200).optional(),
    BACKUP_DIR: z.string().min(1).default('backups'),
    RETENTION_INTERVAL_MINUTES: z.coerce.number().int().min(0).max(10_080).default(60),
    ROLLUP_INTERVAL_MINUTES: z.coerce.number().int().min(0).max(1_440).default(15),
    SMTP_URL: z
      .string()
      .regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL such as smtps://user:password@mail.example.com:465')
      .optional(),
    EMAIL_FROM: z.string().min(3).default('Glance <no-reply@glance.local>'),
    ENCRYPTION_KEYS: encryptionKeys.default(DEVELOPMENT_ENCRYPTION_KEYS),
    // Billing (lib/billing): off unless STRIPE_SECRET_KEY is set (self-hosted installs need none of it).
    STRIPE_SECRET_KEY: z
      .string()
      .regex(/^(sk|rk)_(test|live)_\w+$/, 'must be a Stripe secret key (sk_live_…)')
      .optional(),
    STRIPE_WEBHOOK_SECRET: z
      .string()
      .regex(/^whsec_\w+$/, 'must be a webhook signing secret (whsec_…)')
      .optional(),
    ...STRIPE_PRICE_FIELDS,
    BILLING_CHECK_INTERVAL_MINUTES: z.coerce.number().int().min(0).max(1_440).default(15),
    // Test-only: point the Stripe client at a local Stripe-compatible server (refused in production).
    STRIPE_API_HOST: z.string().min(1).optional(),
    STRIPE_API_PORT: z.coerce.number().int().min(1).max(65535).optional(),
    STRIPE_API_PROTOCOL: z.enum(['http', 'https']).optional(),
  })
  .superRefine((env, ctx) => {
    if (!env.STRIPE_SECRET_KEY) return;
    // Billing on: webhooks and every price must be configured, or checkout and plan detection break.
    for (const name of ['STRIPE_WEBHOOK_SECRET', ...Object.keys(STRIPE_PRICE_FIELDS)] as const) {
      if (!env[name as keyof typeof env]) {
        ctx.addIssue({ code: 'custom', path: [name], message: 'is required when STRIPE_SECRET_KEY is set' });
      }
    }
  })
  .superRefine((env, ctx) => {
    if (env.APP_ENV !== 'production') return;
    if (env.AUTH_SECRET === DEVELOPMENT_AUTH_SECRET) {
      ctx.addIssue({
        code: 'custom',
        path: ['AUTH_SECRET'],
        message: 'must be set to a random secret in production (openssl rand -base64 48)',
      });
    }
    if (env.ENCRYPTION_KEYS.split(',').some((pair) => DEVELOPMENT_ENCRYPTION_KEYS.endsWith(pair.split(':')[1]!))) {
      ctx.addIssue({
        code: 'custom',
        path: ['ENCRYPTION_KEYS'],
        message: 'must not include the public development key in production (e.g. k1:$(openssl rand -base64 32))',
      });
    }
    if (!env.DATABASE_URL) {
      ctx.addIssue({
        code: 'custom',
        path: ['DATABASE_URL'],
        message: 'is required in production (the embedded database is for trying Glance out)',
      });
    }
    if (!env.SMTP_URL) {
      ctx.addIssue({
        code: 'custom',
        path: ['SMTP_URL'],
        message: 'is required in production (sign-up, verification and password reset send email)',
      });
    }
    for (const name of ['STRIPE_API_HOST', 'STRIPE_API_PORT', 'STRIPE_API_PROTOCOL'] as const) {
      if (env[name] !== undefined) {
        ctx.addIssue({ code: 'custom', path: [name], message: 'is for tests only and must not be set in production' });
      }
    }
    if (!env.APP_URL.startsWith('https://')) {
      ctx.addIssue({ code: 'custom', path: ['APP_URL'], message: 'must use https:// in production' });
    }
    // The imprint, privacy policy and sub-processor list must name the real operator.
    for (const name of Object.keys(OPERATOR_PLACEHOLDERS) as (keyof typeof OPERATOR_PLACEHOLDERS)[]) {
      if (!env[name]) {
        ctx.addIssue({ code: 'custom', path: [name], message: 'is required in production (legal pages name it)' });
      }
    }
  });

/** Names of every variable Glance reads (the .env.example test keeps the two in step). */
export const CONFIG_VARIABLES = Object.keys(schema.shape);

type Parsed = z.infer<typeof schema>;
type Operator = { [K in keyof typeof OPERATOR_PLACEHOLDERS]: string };

export type Config = Omit<Parsed, keyof Operator | 'SECURITY_CONTACT'> &
  Operator & {
    /** Email address or https URL for security reports (security.txt); OPERATOR_EMAIL when unset. */
    SECURITY_CONTACT: string;
    demoData: boolean;
    isProduction: boolean;
    /** Operator variables still showing their development placeholder (never in production). */
    operatorPlaceholders: (keyof Operator)[];
  };

/** Thrown when the environment is invalid; its message names every offending variable and is safe to print. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(
      `Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}\nSee .env.example for every variable.`,
    );
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

export function parseConfig(env: Env): Config {
  // Treat empty strings as unset, as shells and .env files often leave them.
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const result = schema.safeParse(cleaned);
  if (!result.success) {
    throw new ConfigError(
      result.error.issues.map((issue) => {
        const name = issue.path.join('.') || 'environment';
        const value = cleaned[name];
        const shown = value === undefined ? 'missing' : 'invalid';
        return `${name} (${shown}): ${issue.message}`;
      }),
    );
  }
  const parsed = result.data;
  const operatorPlaceholders = (Object.keys(OPERATOR_PLACEHOLDERS) as (keyof Operator)[]).filter(
    (name) => !parsed[name],
  );
  const operator = Object.fromEntries(
    (Object.keys(OPERATOR_PLACEHOLDERS) as (keyof Operator)[]).map((name) => [
      name,
      parsed[name] ?? OPERATOR_PLACEHOLDERS[name],
    ]),
  ) as Operator;
  return {
    ...parsed,
    ...operator,
    SECURITY_CONTACT: parsed.SECURITY_CONTACT ?? operator.OPERATOR_EMAIL,
    operatorPlaceholders,
    isProduction: parsed.APP_ENV === 'production',
    demoData: parsed.DEMO_DATA ?? parsed.APP_ENV !== 'production',
  };
}

let cached: Config | undefined;

/** The process's configuration, parsed on first use. */
export function config(): Config {
  if (!cached) {
    cached = parseConfig(process.env);
    // next-auth v4 reads these two from the environment itself. APP_URL and AUTH_SECRET are the only
    // sources: overwrite, so a value inherited from a parent process can never win.
    process.env.NEXTAUTH_URL = cached.APP_URL;
    process.env.NEXTAUTH_SECRET = cached.AUTH_SECRET;
  }
  return cached;
}
