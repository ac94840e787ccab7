import Link from 'next/link';

import { Logo } from '@/components/ui/logo';
import { operator } from '@/lib/legal/operator';

import { pagesIn } from './public-pages';

const COLUMNS = [
  { title: 'Product', group: 'product' },
  { title: 'Documentation', group: 'docs' },
  { title: 'Legal', group: 'legal' },
] as const;

/** The footer of every public page: links to all of them, and who runs the service. */
export function SiteFooter() {
  const op = operator();
  return (
    <footer className="mt-16 border-t border-slate-200 bg-white">
      <div className="mx-auto grid max-w-6xl gap-10 px-5 py-12 sm:grid-cols-2 lg:grid-cols-4">
        <div>
          <Logo />
          <p className="mt-3 max-w-xs text-sm text-slate-600">
            Cookieless web analytics that stores no personal data about your visitors.
          </p>
        </div>
        {COLUMNS.map((column) => (
          <nav key={column.group} aria-label={column.title}>
            <h2 className="text-sm font-semibold text-ink">{column.title}</h2>
            <ul className="mt-3 space-y-2 text-sm">
              {pagesIn(column.group).map((page) => (
                <li key={page.path}>
                  <Link href={page.path} className="text-slate-600 hover:text-brand-700 hover:underline">
                    {page.label}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
        ))}
      </div>
      <p className="border-t border-slate-100 py-6 text-center text-sm text-slate-600">
        © {new Date().getFullYear()} {op.name}
      </p>
    </footer>
  );
}
