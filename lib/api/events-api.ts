// POST /api/v1/events: server-side tracking. The caller passes the visitor's IP address and User-Agent
// explicitly; the hit then takes exactly the tracker's path (lib/ingest/recordHit): same validation,
// same drops, the visitor id keyed with the day's salt, and the IP and User-Agent discarded after.
import { z } from 'zod';

import type { Database } from '@/lib/db/client';
import { NotFound, RateLimited } from '@/lib/errors';
import { hitSchema } from '@/lib/ingest/hit-schema';
import { recordHit } from '@/lib/ingest/record-hit';
import { ingestRuntime } from '@/lib/ingest/runtime';

import { ApiUnavailable, invalidFrom } from './api-response';
import type { ApiContext } from './authenticate-token';

export const eventRequestSchema = z.object({
  domain: z.string().min(1).max(253).describe('The site’s domain, as the tracker’s data-domain names it.'),
  name: z.string().min(1).max(120).describe('"pageview" or a custom event name.'),
  url: z.string().min(1).max(2_000).describe('The page’s full http(s) URL.'),
  referrer: z.string().max(2_000).nullish(),
  screenWidth: z.number().int().min(0).max(100_000).optional().describe('Viewport width in CSS pixels.'),
  props: z
    .record(z.string(), z.union([z.string(), z.number(), z.boolean()]))
    .optional()
    .describe('Custom properties (at most 30).'),
  revenue: z.object({ amount: z.union([z.number(), z.string()]), currency: z.string().length(3) }).optional(),
  ip: z
    .union([z.ipv4(), z.ipv6()])
    .describe('The visitor’s IP address. Used for the day’s visitor id and the country, then discarded.'),
  userAgent: z.string().min(1).max(1_000).describe('The visitor’s User-Agent header, used the same way.'),
  doNotTrack: z.boolean().default(false).describe('The visitor sent DNT: 1 or Sec-GPC: 1.'),
});
export type EventRequest = z.output<typeof eventRequestSchema>;

export const eventResponseSchema = z.object({
  status: z.enum(['accepted', 'dropped']),
  reason: z.string().optional().describe('Why a dropped event was not counted (bot, do-not-track, excluded-path...).'),
});

export async function recordServerEvent(
  db: Database,
  context: ApiContext,
  event: EventRequest,
  now: Date,
): Promise<z.infer<typeof eventResponseSchema>> {
  const parsed = hitSchema.safeParse({
    n: event.name,
    u: event.url,
    d: event.domain,
    r: event.referrer,
    w: event.screenWidth,
    p: event.props,
    $: event.revenue ? { a: event.revenue.amount, c: event.revenue.currency } : undefined,
  });
  if (!parsed.success) throw invalidFrom(parsed.error, 'The event is not valid');
  // Ingest finds sites by domain across Glance; the token may only send for its own team's sites.
  const site = await db.site.findFirst({
    where: { domain: parsed.data.d.toLowerCase(), teamId: context.teamId },
    select: { id: true },
  });
  if (!site) throw new NotFound('No site of this team has that domain.');
  const outcome = await recordHit(ingestRuntime(), parsed.data, {
    ip: event.ip,
    userAgent: event.userAgent,
    optOutSignal: event.doNotTrack,
    now,
  }).catch(() => {
    // The database refused or is away: the event was not stored, so say so (nothing about it is logged).
    throw new ApiUnavailable(5);
  });
  if (outcome.status === 'accepted') return { status: 'accepted' };
  if (outcome.status === 'dropped') return { status: 'dropped', reason: outcome.reason };
  if (outcome.httpStatus === 429)
    throw new RateLimited(outcome.retryAfterSeconds ?? 1, 'Too many events for this site.');
  if (outcome.httpStatus === 404) throw new NotFound('No site of this team has that domain.');
  throw new ApiUnavailable(outcome.retryAfterSeconds ?? 5);
}
