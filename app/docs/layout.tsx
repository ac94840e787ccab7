import { DocsNav } from '@/components/marketing/docs-nav';
import { SiteFooter } from '@/components/marketing/site-footer';
import { SiteHeader } from '@/components/marketing/site-header';

export default function DocsLayout({ children }: { children: React.ReactNode }) {
  return (
    <>
      <SiteHeader />
      <div className="mx-auto grid max-w-6xl grid-cols-1 gap-8 px-5 pt-6 lg:grid-cols-[14rem_minmax(0,1fr)]">
        <aside className="min-w-0">
          <DocsNav />
        </aside>
        <main id="content" className="min-w-0 pb-10">
          {children}
        </main>
      </div>
      <SiteFooter />
    </>
  );
}
