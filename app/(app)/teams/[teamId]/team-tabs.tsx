'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';

/** The team pages' tab bar; the page itself checks what the viewer may see. */
export function TeamTabs({ teamId }: { teamId: string }) {
  const pathname = usePathname();
  const base = `/teams/${teamId}`;
  const tabs = [
    { href: base, label: 'Members' },
    { href: `${base}/audit`, label: 'Audit log' },
    { href: `${base}/billing`, label: 'Billing' },
    { href: `${base}/tokens`, label: 'API tokens' },
  ];
  return (
    <nav aria-label="Team" className="mt-4 -mb-px flex gap-1 overflow-x-auto border-b border-slate-200 text-sm">
      {tabs.map((tab) => {
        const active = pathname === tab.href;
        return (
          <Link
            key={tab.href}
            href={tab.href}
            aria-current={active ? 'page' : undefined}
            className={`shrink-0 border-b-2 px-3 py-2 font-medium ${
              active ? 'border-brand-600 text-brand-700' : 'border-transparent text-slate-600 hover:text-slate-900'
            }`}
          >
            {tab.label}
          </Link>
        );
      })}
    </nav>
  );
}
