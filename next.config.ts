import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
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
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'Strict-Transport-Security', value: 'max-age=63072000; includeSubDomains' },
        ],
      },
    ];
  },
};

export default nextConfig;
