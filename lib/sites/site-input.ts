// What a user may type when adding a site: a domain (scheme, "www." and path are forgiven) and an
// IANA time zone.
import { z } from 'zod';

const TIME_ZONES = new Set(Intl.supportedValuesOf('timeZone').concat('UTC'));

export const siteInputSchema = z.object({
  teamId: z.string().min(1, 'Choose a team'),
  domain: z
    .string()
    .trim()
    .toLowerCase()
    .transform((value) =>
      value
        .replace(/^[a-z]+:\/\//, '')
        .replace(/[/?#].*$/, '')
        .replace(/^www\./, '')
        .replace(/\.$/, ''),
    )
    .pipe(
      z
        .string()
        .min(1, 'Enter the domain of your website')
        .max(253, 'That domain is too long')
        .regex(
          /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9][a-z0-9-]{0,61}[a-z0-9]$/,
          'Enter a domain such as example.com (no spaces or special characters)',
        ),
    ),
  timezone: z.string().refine((zone) => TIME_ZONES.has(zone), 'Choose a time zone from the list'),
});

export type SiteInput = z.infer<typeof siteInputSchema>;

export const timeZones = () => [...TIME_ZONES].sort();
