import type { Metadata } from 'next';
import Link from 'next/link';

import { SiteHeader } from '@/components/marketing/site-header';

export const metadata: Metadata = {
  title: 'Page not found',
  description: 'The page you asked for does not exist.',
};

export default function NotFound() {
  return (
    <>
      <SiteHeader />
      <main className="flex min-h-[70vh] flex-col items-center justify-center px-5 text-center">
        <p className="text-sm font-semibold text-brand-700">404</p>
        <h1 className="mt-2 text-3xl font-bold tracking-tight">Page not found</h1>
        <p className="mt-3 max-w-md text-slate-600">
          The page you asked for does not exist, or you do not have access to it.
        </p>
        <div className="mt-6 flex flex-wrap justify-center gap-x-6 gap-y-2 font-semibold text-brand-700">
          <Link href="/" className="hover:underline">
            Back to the home page
          </Link>
          <Link href="/docs" className="hover:underline">
            Documentation
          </Link>
          <Link href="/pricing" className="hover:underline">
            Pricing
          </Link>
        </div>
      </main>
    </>
  );
}
