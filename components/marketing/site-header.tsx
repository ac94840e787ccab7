import Link from 'next/link';

import { Logo } from '@/components/ui/logo';

const LINKS = [
  { href: '/pricing', label: 'Pricing' },
  { href: '/docs', label: 'Docs' },
  { href: '/security', label: 'Security', wide: true },
];

export function SiteHeader() {
  return (
    <header className="mx-auto flex max-w-6xl items-center justify-between gap-4 px-5 py-5">
      <Logo />
      <nav aria-label="Main" className="flex items-center gap-4 text-sm font-medium text-slate-700 sm:gap-6">
        {LINKS.map((link) => (
          <Link
            key={link.href}
            href={link.href}
            className={`hover:text-brand-700 ${link.wide ? 'hidden sm:inline' : ''}`}
          >
            {link.label}
          </Link>
        ))}
        <Link href="/sign-in" className="rounded-lg bg-brand-600 px-4 py-2 text-white shadow-sm hover:bg-brand-700">
          Sign in
        </Link>
      </nav>
    </header>
  );
}
