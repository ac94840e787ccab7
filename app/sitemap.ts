import type { MetadataRoute } from 'next';

import { PUBLIC_PAGES } from '@/components/marketing/public-pages';
import { config } from '@/lib/config';

export const dynamic = 'force-dynamic';

export default function sitemap(): MetadataRoute.Sitemap {
  const appUrl = config().APP_URL.replace(/\/$/, '');
  return PUBLIC_PAGES.map((page) => ({
    url: `${appUrl}${page.path === '/' ? '' : page.path}`,
    changeFrequency: page.group === 'legal' ? 'monthly' : 'weekly',
    priority: page.path === '/' ? 1 : page.group === 'legal' ? 0.3 : 0.7,
  }));
}
