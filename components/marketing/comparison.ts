// The landing page's comparison. Only facts a reader can check in each vendor's public documentation
// or source code; Glance's column is checked by this project's tests (see `checkedBy`).
import { SALT_GRACE_MS } from '@/lib/privacy/salts';

/** When the other columns were last checked against the vendors' documentation. */
export const COMPARISON_CHECKED = 'November 2026';

export const COMPETITORS = ['Glance', 'Plausible', 'Umami', 'Fathom', 'Google Analytics 4'] as const;

export interface ComparisonRow {
  question: string;
  answers: Record<(typeof COMPETITORS)[number], string>;
  /** Tests that check Glance's answer. */
  checkedBy: string[];
}

export const COMPARISON: ComparisonRow[] = [
  {
    question: 'Sets cookies in visitors’ browsers',
    answers: {
      Glance: 'No',
      Plausible: 'No',
      Umami: 'No',
      Fathom: 'No',
      'Google Analytics 4': 'Yes (first-party _ga cookies)',
    },
    checkedBy: ['e2e/track-a-website.spec.ts', 'e2e/visit-the-landing-page.spec.ts'],
  },
  {
    question: 'How a returning visitor is recognised',
    answers: {
      Glance: `Keyed hash with a random daily salt, deleted once the day is over (plus ${SALT_GRACE_MS / 60_000} minutes)`,
      Plausible: 'Hash with a daily rotating salt',
      Umami: 'Hash salted with the server’s secret and the current month (v2 source code)',
      Fathom: 'Hashed signature that rotates every 24 hours',
      'Google Analytics 4': 'Client id stored in a cookie',
    },
    checkedBy: ['lib/privacy/salts.db.test.ts', 'lib/legal/security-facts.test.ts'],
  },
  {
    question: 'Can run on your own server',
    answers: {
      Glance: 'Yes',
      Plausible: 'Yes (Community Edition)',
      Umami: 'Yes',
      Fathom: 'No',
      'Google Analytics 4': 'No',
    },
    // Every e2e run serves Glance from this repository with `scripts/start.ts`, as a self-hoster would.
    checkedBy: ['e2e/visit-the-landing-page.spec.ts'],
  },
];
