import { operator } from '@/lib/legal/operator';

import { Prose } from './prose';

/** When the legal texts last changed in substance (update with every such change). */
export const LEGAL_TEXTS_UPDATED = '23 November 2026';

/** Frame of a legal page: title, date, a warning while operator details are placeholders, the text. */
export function LegalPage({ title, intro, children }: { title: string; intro: string; children: React.ReactNode }) {
  const { placeholders } = operator();
  return (
    <article className="mx-auto max-w-3xl px-5 pt-6 pb-10">
      <h1 className="text-3xl font-bold tracking-tight text-balance sm:text-4xl">{title}</h1>
      <p className="mt-3 text-sm text-slate-600">Last updated {LEGAL_TEXTS_UPDATED}</p>
      {placeholders.length ? (
        <p role="note" className="mt-6 rounded-xl border border-amber-300 bg-amber-50 p-4 text-sm text-amber-900">
          This installation shows placeholder operator details ({placeholders.join(', ')} not set). Production refuses
          to start until they are configured.
        </p>
      ) : null}
      <p className="mt-6 text-lg text-pretty text-slate-700">{intro}</p>
      <Prose>{children}</Prose>
    </article>
  );
}
