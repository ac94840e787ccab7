// RFC 9116 security.txt, generated from configuration at every request (its Expires moves with it).
import { operator } from '@/lib/legal/operator';
import { securityTxt } from '@/lib/legal/security-txt';

export const dynamic = 'force-dynamic';

export function GET() {
  return new Response(securityTxt(operator()), {
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'public, max-age=86400' },
  });
}
