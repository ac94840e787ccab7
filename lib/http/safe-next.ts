// Where to go after signing in: only a path on this site (never `//host`, a scheme or a backslash
// trick), so a crafted link cannot send someone elsewhere (open redirect, CWE-601).
export function safeNextPath(value: unknown): string | null {
  if (typeof value !== 'string' || value.length > 2048) return null;
  if (!value.startsWith('/') || value.startsWith('//') || value.includes('\\')) return null;
  if (/[\u0000-\u001f\u007f]/.test(value)) return null;
  try {
    const url = new URL(value, 'http://glance.invalid');
    return url.origin === 'http://glance.invalid' ? `${url.pathname}${url.search}` : null;
  } catch {
    return null;
  }
}
