import Link from 'next/link';

/** "Sites / example.com / …": the trail above every page of one site. */
export function SiteBreadcrumb({ domain, siteHref, current }: { domain: string; siteHref: string; current?: string }) {
  return (
    <nav aria-label="Breadcrumb" className="text-sm text-slate-600">
      <Link href="/sites" className="hover:underline">
        Sites
      </Link>{' '}
      /{' '}
      {current ? (
        <>
          <Link href={siteHref} className="hover:underline">
            {domain}
          </Link>{' '}
          / <span className="text-ink">{current}</span>
        </>
      ) : (
        <span className="text-ink">{domain}</span>
      )}
    </nav>
  );
}
