// The security headers of every response, and the Content-Security-Policy of pages.
// Pages get a fresh nonce per response; Next.js puts it on its own scripts ('strict-dynamic'
// then trusts what those load), so no inline script without the nonce can run.

/** Sent with every response: pages, API answers, errors and static files. */
export const BASE_SECURITY_HEADERS: Record<string, string> = {
  'Strict-Transport-Security': 'max-age=63072000; includeSubDomains',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
};

/**
 * `embeddable`: the one exception to frame-ancestors 'none', for a shared link whose owner turned
 * embedding on (/share/<slug>/embed); any site may then frame that response.
 */
export function contentSecurityPolicy(
  nonce: string,
  options: { dev: boolean; https: boolean; embeddable?: boolean },
): string {
  return [
    `default-src 'self'`,
    // React's development build needs eval for its call stacks; production never does.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.dev ? ` 'unsafe-eval'` : ''}`,
    // Inline style attributes (bar widths) are data, not code.
    `style-src 'self' 'unsafe-inline'`,
    `img-src 'self' data: blob:`,
    `font-src 'self'`,
    `connect-src 'self'`,
    `object-src 'none'`,
    `base-uri 'none'`,
    `form-action 'self'`,
    options.embeddable ? `frame-ancestors *` : `frame-ancestors 'none'`,
    // Only where the app itself is served over https (a plain-http local install would break).
    ...(options.https ? ['upgrade-insecure-requests'] : []),
  ].join('; ');
}

export function createNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('base64');
}
