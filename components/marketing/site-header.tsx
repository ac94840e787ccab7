import Link from 'next/link';

import { Logo } from '@/components/ui/logo';

export function SiteHeader() {
  return (
    <header className="mx-auto flex max-w-6xl items-center justify-between px-5 py-5">
      <Logo />
      <nav aria-label="Main" className="flex items-center gap-5 text-sm font-medium text-slate-700">
        <Link href="/sign-in" className="rounded-lg bg-brand-600 px-4 py-2 text-white shadow-sm hover:bg-brand-700">
          Sign in
        </Link>
      </nav>
    </header>
  );
}
