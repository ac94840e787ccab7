import type { Metadata } from 'next';
import Link from 'next/link';

export const metadata: Metadata = {
  title: 'Changelog',
  description: 'What changed in Glance, newest first.',
};

// Newest first. One entry per release day; each line is something a customer can use or rely on.
const ENTRIES: { date: string; title: string; changes: React.ReactNode[] }[] = [
  {
    date: '2026-11-23',
    title: 'Public site, pricing and legal pages',
    changes: [
      'Pricing generated from the same plan definitions as billing, with monthly and yearly prices.',
      <>
        A <Link href="/data-policy">data policy</Link> that lists every stored field, checked against the database
        schema by a test.
      </>,
      <>
        A <Link href="/security">security page</Link> whose figures are read from the code, and{' '}
        <Link href="/.well-known/security.txt">security.txt</Link>.
      </>,
      <>
        <Link href="/docs">Documentation</Link>: getting started, tracker options, events and revenue, self-hosting.
      </>,
    ],
  },
  {
    date: '2026-11-23',
    title: 'Dashboard periods and plans',
    changes: [
      'Today, last 7, 30 and 90 days, with the change against the previous period; the period is part of the URL.',
      'Five plans defined in one place: volume, sites, members, retention and features.',
    ],
  },
  {
    date: '2026-11-23',
    title: 'Adding sites and team roles',
    changes: [
      'Add a site with its time zone; the snippet comes with a copy button and a live check that turns green on the first pageview.',
      'Owner, admin and member roles, checked on the server for every action.',
    ],
  },
  {
    date: '2026-11-23',
    title: 'Hardened HTTP',
    changes: [
      'A strict Content-Security-Policy with a fresh nonce for every page, HSTS and the other protective headers on every response.',
    ],
  },
  {
    date: '2026-11-23',
    title: 'Collecting without personal data',
    changes: [
      'The tracker: under 1 KB compressed, single-page apps, hash routing, custom events with properties and revenue, outbound links, downloads and tagged elements.',
      'Anonymous daily visitor ids from a random salt that is deleted after the day; IP addresses and User-Agents never stored.',
      'Do Not Track and Global Privacy Control honoured by default; bots and automated browsers dropped.',
      'Every acknowledged hit is committed to the database before the answer, even under load and during shutdown.',
    ],
  },
];

export default function ChangelogPage() {
  return (
    <div className="mx-auto max-w-3xl px-5 pt-8">
      <h1 className="text-4xl font-bold tracking-tight">Changelog</h1>
      <p className="mt-4 text-lg text-slate-700">What changed in Glance, newest first.</p>
      <ol className="mt-10 space-y-10 border-l border-slate-200 pl-6">
        {ENTRIES.map((entry) => (
          <li key={entry.title} className="relative">
            <span
              aria-hidden="true"
              className="absolute top-1.5 -left-[1.95rem] h-3 w-3 rounded-full bg-brand-500 ring-4 ring-slate-50"
            />
            <p className="text-sm text-slate-600">
              <time dateTime={entry.date}>
                {new Date(`${entry.date}T00:00:00Z`).toLocaleDateString('en-GB', {
                  day: 'numeric',
                  month: 'long',
                  year: 'numeric',
                  timeZone: 'UTC',
                })}
              </time>
            </p>
            <h2 className="mt-1 text-xl font-semibold">{entry.title}</h2>
            <ul className="mt-3 list-disc space-y-2 pl-5 text-slate-700 [&_a]:font-medium [&_a]:text-brand-700 [&_a]:underline">
              {entry.changes.map((change, index) => (
                <li key={index}>{change}</li>
              ))}
            </ul>
          </li>
        ))}
      </ol>
    </div>
  );
}
