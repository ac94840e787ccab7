// Every public page, once: the footer, the docs sidebar, sitemap.xml and the e2e link check read it.
export interface PublicPage {
  path: string;
  label: string;
  group: 'product' | 'docs' | 'legal';
}

export const PUBLIC_PAGES: PublicPage[] = [
  { path: '/', label: 'Home', group: 'product' },
  { path: '/pricing', label: 'Pricing', group: 'product' },
  { path: '/security', label: 'Security', group: 'product' },
  { path: '/changelog', label: 'Changelog', group: 'product' },
  { path: '/docs', label: 'Getting started', group: 'docs' },
  { path: '/docs/tracker', label: 'Tracker options', group: 'docs' },
  { path: '/docs/events', label: 'Custom events and revenue', group: 'docs' },
  { path: '/docs/goals', label: 'Goals and funnels', group: 'docs' },
  { path: '/docs/sharing', label: 'Shared links and embedding', group: 'docs' },
  { path: '/docs/api', label: 'API and tokens', group: 'docs' },
  { path: '/docs/self-hosting', label: 'Self-hosting', group: 'docs' },
  { path: '/docs/collected-data', label: 'What is collected', group: 'docs' },
  { path: '/privacy', label: 'Privacy policy', group: 'legal' },
  { path: '/data-policy', label: 'Data policy', group: 'legal' },
  { path: '/terms', label: 'Terms of service', group: 'legal' },
  { path: '/dpa', label: 'Data processing agreement', group: 'legal' },
  { path: '/subprocessors', label: 'Sub-processors', group: 'legal' },
  { path: '/cookies', label: 'Cookie statement', group: 'legal' },
  { path: '/imprint', label: 'Imprint and contact', group: 'legal' },
];

export const pagesIn = (group: PublicPage['group']) => PUBLIC_PAGES.filter((page) => page.group === group);
