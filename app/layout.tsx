import type { Metadata, Viewport } from 'next';
import { connection } from 'next/server';

import { config } from '@/lib/config';

import './globals.css';

const DESCRIPTION = 'Cookieless, privacy-first website analytics. No personal data, no banners, numbers you can trust.';

export function generateMetadata(): Metadata {
  return {
    // Absolute URLs (Open Graph image, canonical links) are built from the configured public address.
    metadataBase: new URL(config().APP_URL),
    title: { default: 'Glance: privacy-first web analytics', template: '%s · Glance' },
    description: DESCRIPTION,
    openGraph: { type: 'website', siteName: 'Glance', description: DESCRIPTION },
    twitter: { card: 'summary_large_image' },
  };
}

export const viewport: Viewport = {
  colorScheme: 'light dark',
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: '#2f6fed' },
    { media: '(prefers-color-scheme: dark)', color: '#0f172a' },
  ],
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Every page carries a per-response CSP nonce (proxy.ts), so none can be prerendered.
  await connection();
  return (
    <html lang="en">
      <body className="min-h-screen">{children}</body>
    </html>
  );
}
