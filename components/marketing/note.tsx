/** A highlighted remark in docs: a status, a caveat, a tip. */
export function Note({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <aside className="mt-6 rounded-xl border border-brand-100 bg-brand-50 px-5 py-4 text-sm text-slate-800 [&_p]:mt-1">
      <p className="font-semibold text-ink">{title}</p>
      {children}
    </aside>
  );
}
