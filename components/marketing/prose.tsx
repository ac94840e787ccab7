// Typography for long-form pages (docs, legal), without a plugin: element styles scoped to the wrapper.
const PROSE = [
  'text-slate-700 leading-relaxed',
  '[&_h2]:mt-12 [&_h2]:scroll-mt-6 [&_h2]:text-2xl [&_h2]:font-bold [&_h2]:tracking-tight [&_h2]:text-ink',
  '[&_h3]:mt-8 [&_h3]:text-lg [&_h3]:font-semibold [&_h3]:text-ink',
  '[&_p]:mt-4 [&_ul]:mt-4 [&_ul]:list-disc [&_ul]:space-y-2 [&_ul]:pl-6 [&_ol]:mt-4 [&_ol]:list-decimal [&_ol]:space-y-2 [&_ol]:pl-6',
  '[&_a]:font-medium [&_a]:text-brand-700 [&_a]:underline [&_a]:underline-offset-2 hover:[&_a]:text-brand-600',
  '[&_:not(pre)>code]:rounded [&_:not(pre)>code]:bg-slate-100 [&_:not(pre)>code]:px-1.5 [&_:not(pre)>code]:py-0.5 [&_:not(pre)>code]:text-[0.9em] [&_:not(pre)>code]:text-ink',
  '[&_pre]:mt-4 [&_strong]:font-semibold [&_strong]:text-ink',
].join(' ');

export function Prose({ children, className = '' }: { children: React.ReactNode; className?: string }) {
  return <div className={`${PROSE} ${className}`}>{children}</div>;
}
