// The one description of a stats question: the dashboard, CSV export, shared links and the public API
// all send one of these to queryStats, so they can never disagree.
import { z } from 'zod';

import { isPropDimension, PLAIN_DIMENSIONS, type Dimension } from './dimensions';

export const METRICS = [
  'visitors',
  'visits',
  'pageviews',
  'views_per_visit',
  'bounce_rate',
  'visit_duration',
  'events',
  'conversion_rate',
  'time_on_page',
  'revenue',
] as const;
export type Metric = (typeof METRICS)[number];

export const GRANULARITIES = ['minute', 'hour', 'day', 'week', 'month'] as const;
export type Granularity = (typeof GRANULARITIES)[number];

export const FILTER_OPERATORS = ['is', 'is_not', 'contains', 'not_contains'] as const;
export type FilterOperator = (typeof FILTER_OPERATORS)[number];

export const RANGE_PRESETS = [
  'realtime',
  'today',
  'yesterday',
  '7d',
  '30d',
  '90d',
  'month',
  'last_month',
  'year',
  '12mo',
  'all',
] as const;
export type RangePreset = (typeof RANGE_PRESETS)[number];

const isoDate = z.iso.date({ error: 'Dates are written YYYY-MM-DD.' });
/** PostgreSQL text cannot hold NUL: refuse it here rather than fail in the database. */
const queryText = (min: number, max: number) =>
  z
    .string()
    .min(min)
    .max(max)
    .refine((value) => !value.includes('\u0000'), { error: 'Text cannot contain NUL characters.' });

export const dimensionSchema = z
  .string()
  .refine(
    (value): value is Dimension =>
      value === 'goal' || (PLAIN_DIMENSIONS as string[]).includes(value) || isPropDimension(value),
    { error: 'Unknown dimension.' },
  ) as unknown as z.ZodType<Dimension, string>;

export const filterSchema = z.object({
  dimension: dimensionSchema,
  operator: z.enum(FILTER_OPERATORS),
  values: z.array(queryText(1, 500)).min(1).max(20),
});
export type Filter = z.infer<typeof filterSchema>;

export const dateRangeSchema = z.union([
  z.enum(RANGE_PRESETS),
  z
    .object({ from: isoDate, to: isoDate })
    .refine(({ from, to }) => from <= to, { error: 'The range must not end before it starts.' })
    .refine(({ from, to }) => Date.parse(to) - Date.parse(from) <= 10 * 366 * 86_400_000, {
      error: 'A range spans at most ten years.',
    }),
]);
export type DateRange = z.infer<typeof dateRangeSchema>;

export const statsQuerySchema = z
  .object({
    metrics: z.array(z.enum(METRICS)).min(1).max(METRICS.length),
    /** At most one breakdown dimension; combine it with `granularity` for one series per value. */
    dimensions: z.array(dimensionSchema).max(1).default([]),
    /**
     * Cut the range into buckets of this size (in the site's time zone), zero-filled when alone;
     * `auto` picks one to suit the range (hours for a day, days for a month...).
     */
    granularity: z.enum([...GRANULARITIES, 'auto']).optional(),
    filters: z.array(filterSchema).max(20).default([]),
    dateRange: dateRangeSchema.default('30d'),
    /** Also answer for the period just before, of the same length (`comparison` in the result). */
    compare: z.boolean().default(false),
    orderBy: z.object({ metric: z.enum(METRICS), direction: z.enum(['asc', 'desc']).default('desc') }).optional(),
    /** Keep only breakdown rows whose value contains this text (case-insensitive). */
    search: queryText(0, 200).optional(),
    limit: z.number().int().min(1).max(10_000).default(100),
    offset: z.number().int().min(0).max(1_000_000).default(0),
  })
  .refine((query) => !query.metrics.includes('time_on_page') || query.dimensions[0] === 'page', {
    error: 'time_on_page needs the page dimension.',
    path: ['metrics'],
  });
export type StatsQueryInput = z.input<typeof statsQuerySchema>;
export type StatsQuery = z.output<typeof statsQuerySchema>;
