import type { Metadata, Viewport } from 'next';
import { connection } from 'next/server';

import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Glance: privacy-first web analytics', template: '%s · Glance' },
  description: 'Cookieless, privacy-first website analytics. No personal data, no banners, numbers you can trust.',
};

export const viewport: Viewport = { themeColor: '#2f6fed' };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Every page carries a per-response CSP nonce (proxy.ts), so none can be prerendered.
  await connection();
  return (
    <html lang="en">
      <body className="min-h-screen">{children}</body>
    </html>
  );
}
