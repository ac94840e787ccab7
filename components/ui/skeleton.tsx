// Placeholders shown while a signed-in page loads its numbers (app router loading.tsx files), so the
// layout does not jump and screen readers hear that something is on its way.

/** A grey block of the given size (Tailwind classes), pulsing unless the visitor asked for less motion. */
export function Bone({ className }: { className: string }) {
  return (
    <div aria-hidden className={`animate-pulse rounded-lg bg-slate-200 motion-reduce:animate-none ${className}`} />
  );
}

/** The frame every skeleton shares: announces the loading to assistive technology once. */
export function SkeletonPage({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div role="status" aria-live="polite">
      <span className="sr-only">{label}</span>
      {children}
    </div>
  );
}

/** A white card with a title bar and a few rows, like a breakdown or a settings section. */
export function CardSkeleton({ rows = 6 }: { rows?: number }) {
  return (
    <div className="rounded-2xl border border-slate-200 bg-white p-5 shadow-sm">
      <Bone className="h-5 w-32" />
      <div className="mt-5 space-y-3">
        {Array.from({ length: rows }, (_, index) => (
          <Bone key={index} className={`h-4 ${index % 3 === 0 ? 'w-full' : index % 3 === 1 ? 'w-5/6' : 'w-2/3'}`} />
        ))}
      </div>
    </div>
  );
}
