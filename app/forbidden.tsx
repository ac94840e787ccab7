import type { Metadata } from 'next';
import Link from 'next/link';

import { SiteHeader } from '@/components/marketing/site-header';

export const metadata: Metadata = {
  title: 'Not allowed',
  description: 'Your role in this team does not allow this page.',
};

// Rendered with status 403 by forbidden() (lib/teams/permissions.ts: a role that falls short).
export default function Forbidden() {
  return (
    <>
      <SiteHeader />
      <main className="flex min-h-[70vh] flex-col items-center justify-center px-5 text-center">
        <p className="text-sm font-semibold text-brand-700">403</p>
        <h1 className="mt-2 text-3xl font-bold tracking-tight">Not allowed</h1>
        <p className="mt-3 max-w-md text-slate-600">
          Your role in this team does not allow this page. An owner of the team can do it, or change your role.
        </p>
        <div className="mt-6 flex flex-wrap justify-center gap-x-6 gap-y-2 font-semibold text-brand-700">
          <Link href="/sites" className="hover:underline">
            Back to your sites
          </Link>
        </div>
      </main>
    </>
  );
}
