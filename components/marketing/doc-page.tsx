import { Prose } from './prose';

/** Frame of a documentation page: title, one-line summary, the text. */
export function DocPage({ title, intro, children }: { title: string; intro: string; children: React.ReactNode }) {
  return (
    <article className="max-w-3xl">
      <h1 className="text-3xl font-bold tracking-tight text-balance sm:text-4xl">{title}</h1>
      <p className="mt-4 text-lg text-pretty text-slate-700">{intro}</p>
      <Prose>{children}</Prose>
    </article>
  );
}
