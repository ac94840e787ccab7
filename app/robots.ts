import type { MetadataRoute } from 'next';

import { config } from '@/lib/config';

export const dynamic = 'force-dynamic';

// Public pages are for everyone; the signed-in product and the APIs are not for crawlers.
export default function robots(): MetadataRoute.Robots {
  const appUrl = config().APP_URL.replace(/\/$/, '');
  return {
    rules: [{ userAgent: '*', allow: '/', disallow: ['/api/', '/sites', '/sign-in'] }],
    sitemap: `${appUrl}/sitemap.xml`,
  };
}
