import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // Native and WASM packages stay outside the server bundle.
  serverExternalPackages: ['pino', '@node-rs/argon2', 'pg', '@electric-sql/pglite', '@electric-sql/pglite-socket'],
};

export default nextConfig;
