import type { Metadata, Viewport } from 'next';

import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Glance: privacy-first web analytics', template: '%s · Glance' },
  description: 'Cookieless, privacy-first website analytics. No personal data, no banners, numbers you can trust.',
};

export const viewport: Viewport = { themeColor: '#2f6fed' };

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen">{children}</body>
    </html>
  );
}
