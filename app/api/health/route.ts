// Liveness and readiness: 200 when the database answers within two seconds, 503 otherwise.
import { checkDatabase } from '@/lib/db/health';

export const dynamic = 'force-dynamic';

export async function GET() {
  const database = await checkDatabase();
  return Response.json(
    { status: database.ok ? 'ok' : 'degraded', database: database.ok ? 'up' : 'down', latencyMs: database.latencyMs },
    { status: database.ok ? 200 : 503, headers: { 'Cache-Control': 'no-store' } },
  );
}
