// GET /api/v1/openapi.json: the API's OpenAPI 3.1 document (public, like the docs that render it).
import { openApiDocument } from '@/lib/api/openapi';
import { config } from '@/lib/config';

export const dynamic = 'force-dynamic';

export function GET() {
  return Response.json(openApiDocument(config().APP_URL), { headers: { 'Cache-Control': 'public, max-age=300' } });
}
