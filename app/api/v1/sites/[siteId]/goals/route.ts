// GET/POST /api/v1/sites/{siteId}/goals.
import { defaultApiDeps } from '@/lib/api/endpoint';
import { createGoal, listGoals } from '@/lib/api/endpoints/sites';

export const dynamic = 'force-dynamic';

type Params = { params: Promise<{ siteId: string }> };

export const GET = async (request: Request, { params }: Params) =>
  listGoals(request, defaultApiDeps(), (await params).siteId);
export const POST = async (request: Request, { params }: Params) =>
  createGoal(request, defaultApiDeps(), (await params).siteId);
