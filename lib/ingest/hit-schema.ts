// The tracker's payload: short keys keep the script small. Unknown keys are ignored so that older
// servers accept newer trackers.
import { z } from 'zod';

export const MAX_BODY_BYTES = 4 * 1024;
const MAX_URL = 2_000;
const MAX_PROPS = 30;
const AMOUNT_RANGE = 'amount must have at most 14 digits before the decimal point and 4 after';

/**
 * PostgreSQL stores neither NUL characters (text) nor unpaired UTF-16 surrogates (jsonb): either
 * would fail the whole insert, so such strings are refused here (found by fuzzing).
 */
const UNPAIRED_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const storable = (text: string) => !text.includes('\0') && !UNPAIRED_SURROGATE.test(text);
const UNSTORABLE = { message: 'contains a NUL character or an unpaired surrogate' };

const propValue = z
  .union([z.string().max(2_000).refine(storable, UNSTORABLE), z.number().finite(), z.boolean()])
  .transform(String);

export const hitSchema = z.object({
  /** Event name: "pageview" or a custom event. */
  n: z
    .string()
    .trim()
    .min(1, 'event name is empty')
    .max(120, 'event name is longer than 120 characters')
    .refine(storable, UNSTORABLE),
  /** Page URL. */
  u: z
    .string()
    .max(MAX_URL, `url is longer than ${MAX_URL} characters`)
    .pipe(z.url({ protocol: /^https?$/, message: 'url must be an http(s) URL' })),
  /** The site's domain, as in data-domain. */
  d: z.string().trim().min(1, 'domain is empty').max(253).refine(storable, UNSTORABLE),
  /** document.referrer. */
  r: z.string().max(MAX_URL).refine(storable, UNSTORABLE).nullish(),
  /** Viewport width in CSS pixels. */
  w: z.number().int().min(0).max(100_000).optional(),
  /** 1 when the site uses hash-based routing: the fragment is part of the page path. */
  h: z.union([z.literal(0), z.literal(1), z.boolean()]).optional(),
  /** Custom properties: string keys, scalar values. */
  p: z
    .record(z.string().min(1).max(64).refine(storable, UNSTORABLE), propValue)
    .refine((props) => Object.keys(props).length <= MAX_PROPS, `at most ${MAX_PROPS} properties`)
    .optional(),
  /** Revenue: amount and ISO 4217 currency. */
  $: z
    .object({
      // The column is DECIMAL(18, 4): a larger amount would fail the whole insert (found by fuzzing).
      a: z
        .union([
          z.number().finite().gt(-1e14, AMOUNT_RANGE).lt(1e14, AMOUNT_RANGE),
          z.string().regex(/^-?\d{1,14}(\.\d{1,4})?$/, AMOUNT_RANGE),
        ])
        .transform(String),
      c: z
        .string()
        .regex(/^[A-Za-z]{3}$/, 'currency must be a 3-letter ISO 4217 code')
        .transform((c) => c.toUpperCase()),
    })
    .optional(),
});

export type Hit = z.infer<typeof hitSchema>;

/** Parses a body already read as text; returns the hit or a reason safe to show to the caller. */
export function parseHit(body: string): { ok: true; hit: Hit } | { ok: false; reason: string } {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return { ok: false, reason: 'body is not valid JSON' };
  }
  const result = hitSchema.safeParse(json);
  if (result.success) return { ok: true, hit: result.data };
  const issue = result.error.issues[0]!;
  const field = issue.path.map(String).join('.');
  return { ok: false, reason: field ? `${field}: ${issue.message}` : issue.message };
}
