// The periods the dashboard offers, kept in the URL (?period=7d) so every view is a shareable link.
export const PERIODS = {
  today: { days: 1, label: 'Today' },
  '7d': { days: 7, label: 'Last 7 days' },
  '30d': { days: 30, label: 'Last 30 days' },
  '90d': { days: 90, label: 'Last 90 days' },
} as const;

export type PeriodKey = keyof typeof PERIODS;

export const DEFAULT_PERIOD: PeriodKey = '30d';

/** The period named in a query parameter; anything unknown falls back to the default. */
export function parsePeriod(value: string | string[] | undefined): PeriodKey {
  const key = Array.isArray(value) ? value[0] : value;
  return key && key in PERIODS ? (key as PeriodKey) : DEFAULT_PERIOD;
}
