/** A scrollable, keyboard-focusable block of code (the snippet, examples). */
export function CodeBlock({ label, code, className = '' }: { label: string; code: string; className?: string }) {
  return (
    <pre
      tabIndex={0}
      aria-label={label}
      className={`overflow-x-auto rounded-xl bg-slate-900 p-4 text-sm text-slate-100 ${className}`}
    >
      <code>{code}</code>
    </pre>
  );
}
