'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';

import { pagesIn } from './public-pages';

/** The documentation's table of contents; marks the page being read. */
export function DocsNav() {
  const pathname = usePathname();
  return (
    <nav aria-label="Documentation" className="lg:sticky lg:top-6">
      <h2 className="text-xs font-semibold tracking-wide text-slate-600 uppercase">Documentation</h2>
      <ul className="mt-3 flex gap-2 overflow-x-auto pb-2 text-sm lg:flex-col lg:gap-1 lg:overflow-visible">
        {pagesIn('docs').map((page) => {
          const current = pathname === page.path;
          return (
            <li key={page.path} className="shrink-0">
              <Link
                href={page.path}
                aria-current={current ? 'page' : undefined}
                className={`block rounded-lg px-3 py-1.5 ${
                  current ? 'bg-brand-50 font-semibold text-brand-700' : 'text-slate-700 hover:bg-slate-100'
                }`}
              >
                {page.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
