import { Logo } from '@/components/ui/logo';

/** The page frame of a shared link (not of its embed view): the Glance mark and a read-only note. */
export function SharedChrome({ children }: { children: React.ReactNode }) {
  return (
    <div className="min-h-screen">
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-6xl items-center justify-between gap-3 px-5 py-3">
          <Logo />
          <p className="text-sm text-slate-600">Shared dashboard · read-only</p>
        </div>
      </header>
      <main className="mx-auto max-w-6xl px-5 py-8">{children}</main>
    </div>
  );
}
