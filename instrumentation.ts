// Runs once when the Next.js server starts: a bad environment stops it here, with a clear message.
export async function register() {
  const { config } = await import('@/lib/config');
  config();
}
