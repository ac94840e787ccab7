import type { Metadata } from 'next';
import Link from 'next/link';

import { SiteHeader } from '@/components/marketing/site-header';

export const metadata: Metadata = {
  title: 'Not allowed',
  description: 'Your role does not allow this page.',
};

export default function Forbidden() {
  return (
    <>
      <SiteHeader />
      <main className="flex min-h-[70vh] flex-col items-center justify-center px-5 text-center">
        <p className="text-sm font-semibold text-brand-700">403</p>
        <h1 className="mt-2 text-3xl font-bold tracking-tight">Not allowed</h1>
        <p className="mt-3 max-w-md text-slate-600">
          Your role in this team does not allow this page. Ask an owner or admin of the team if you need it.
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
