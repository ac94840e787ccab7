// DELETE /api/v1/sites/{siteId}/goals/{goalId}.
import { defaultApiDeps } from '@/lib/api/endpoint';
import { deleteGoal } from '@/lib/api/endpoints/sites';

export const dynamic = 'force-dynamic';

type Params = { params: Promise<{ siteId: string; goalId: string }> };

export const DELETE = async (request: Request, { params }: Params) => {
  const { siteId, goalId } = await params;
  return deleteGoal(request, defaultApiDeps(), siteId, goalId);
};
