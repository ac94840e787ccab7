import Link from 'next/link';

export default function NotFound() {
  return (
    <main className="flex min-h-screen flex-col items-center justify-center px-5 text-center">
      <p className="text-sm font-semibold text-brand-600">404</p>
      <h1 className="mt-2 text-3xl font-bold tracking-tight">Page not found</h1>
      <p className="mt-3 text-slate-600">The page you asked for does not exist, or you do not have access to it.</p>
      <Link href="/" className="mt-6 font-semibold text-brand-700 hover:underline">
        Back to the home page
      </Link>
    </main>
  );
}
