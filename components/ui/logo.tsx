import Link from 'next/link';

/** The Glance word mark; links home. */
export function Logo({ href = '/' }: { href?: string }) {
  return (
    <Link href={href} className="flex items-center gap-2 text-lg font-semibold tracking-tight text-ink">
      <svg aria-hidden="true" viewBox="0 0 24 24" className="h-7 w-7">
        <rect width="24" height="24" rx="6" className="fill-brand-600" />
        <path
          d="M6 15.5 10 11l3 3 5-6"
          fill="none"
          stroke="white"
          strokeWidth="2.2"
          strokeLinecap="round"
          strokeLinejoin="round"
        />
      </svg>
      Glance
    </Link>
  );
}
