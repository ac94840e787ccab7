import type { NextConfig } from 'next';

import { BASE_SECURITY_HEADERS } from './lib/http/security-headers';

const nextConfig: NextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // forbidden() answers 403 with app/forbidden.tsx (a role that falls short, e.g. the audit log or billing
  // for members; a foreign team is notFound()).
  experimental: { authInterrupts: true },
  // Native and WASM packages stay outside the server bundle.
  serverExternalPackages: [
    'pino',
    '@node-rs/argon2',
    'pg',
    '@electric-sql/pglite',
    '@electric-sql/pglite-socket',
    'geoip-lite',
    'ua-parser-js',
  ],
  async headers() {
    return [
      {
        // The tracker keeps a stable URL, so it is cached for a day and revalidated in the background.
        source: '/js/:file*',
        headers: [
          { key: 'Cache-Control', value: 'public, max-age=86400, stale-while-revalidate=604800' },
          { key: 'Access-Control-Allow-Origin', value: '*' },
          ...Object.entries(BASE_SECURITY_HEADERS).map(([key, value]) => ({ key, value })),
        ],
      },
    ];
  },
};

export default nextConfig;
