/** A scrollable, keyboard-focusable block of code (the snippet, examples). */
export function CodeBlock({ label, code, className = '' }: { label: string; code: string; className?: string }) {
  return (
    <pre
      tabIndex={0}
      aria-label={label}
      className={`overflow-x-auto rounded-xl bg-[#0f172a] p-4 text-sm text-[#f1f5f9] ring-1 ring-slate-200 ${className}`}
    >
      <code>{code}</code>
    </pre>
  );
}
