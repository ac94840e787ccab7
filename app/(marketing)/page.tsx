import Link from 'next/link';

import { SiteHeader } from '@/components/marketing/site-header';
import { CodeBlock } from '@/components/ui/code-block';

const SNIPPET = '<script defer data-domain="example.com" src="https://glance.example.com/js/script.js"></script>';

const POINTS = [
  {
    title: 'No cookies, no banners',
    body: 'Glance stores nothing on your visitors’ devices, so there is no consent pop-up to annoy them.',
  },
  {
    title: 'Anonymous by construction',
    body: 'Visitors are counted with a hash keyed by a random daily salt that we delete. IP addresses and user agents are never stored.',
  },
  {
    title: 'Everything on one page',
    body: 'Visitors, sources, pages, countries, devices and goals, readable at a glance and filterable in a click.',
  },
];

export default function LandingPage() {
  return (
    <>
      <SiteHeader />
      <main>
        <section className="mx-auto max-w-6xl px-5 pt-12 pb-16 text-center sm:pt-20">
          <p className="mx-auto w-fit rounded-full bg-brand-100 px-3 py-1 text-sm font-medium text-brand-700">
            Privacy-first web analytics
          </p>
          <h1 className="mx-auto mt-6 max-w-3xl text-4xl font-bold tracking-tight text-balance sm:text-6xl">
            Understand your traffic without watching your visitors
          </h1>
          <p className="mx-auto mt-6 max-w-2xl text-lg text-pretty text-slate-600">
            Glance is simple, fast, cookieless analytics. One small script, the numbers that matter, and no personal
            data about anyone.
          </p>
          <div className="mt-9 flex flex-wrap justify-center gap-3">
            <Link
              href="/sign-in"
              className="rounded-lg bg-brand-600 px-5 py-3 font-semibold text-white shadow-sm hover:bg-brand-700"
            >
              Open the live demo
            </Link>
          </div>
        </section>
        <section aria-labelledby="why" className="mx-auto max-w-6xl px-5 pb-16">
          <h2 id="why" className="sr-only">
            Why Glance
          </h2>
          <ul className="grid gap-5 sm:grid-cols-3">
            {POINTS.map((point) => (
              <li key={point.title} className="rounded-2xl border border-slate-200 bg-white p-6 shadow-sm">
                <h3 className="font-semibold">{point.title}</h3>
                <p className="mt-2 text-sm text-slate-600">{point.body}</p>
              </li>
            ))}
          </ul>
        </section>
        <section aria-labelledby="install" className="mx-auto max-w-3xl px-5 pb-24">
          <h2 id="install" className="text-center text-2xl font-bold tracking-tight">
            One line to install
          </h2>
          <CodeBlock label="Tracking snippet" code={SNIPPET} className="mt-5 p-5" />
        </section>
      </main>
      <footer className="border-t border-slate-200 py-8 text-center text-sm text-slate-600">
        © {new Date().getFullYear()} Glance
      </footer>
    </>
  );
}
