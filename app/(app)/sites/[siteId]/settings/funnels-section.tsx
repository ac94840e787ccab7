import { db } from '@/lib/db/client';
import { listFunnels, stepLabel } from '@/lib/sites/funnels';

import { deleteFunnelAction } from './actions';
import { FunnelForm } from './funnel-form';

/** The site's funnels, removing one, and a form for a new one. */
export async function FunnelsSection({ siteId, canManage }: { siteId: string; canManage: boolean }) {
  const funnels = await listFunnels(db(), siteId);
  return (
    <section aria-labelledby="funnels" className="mt-6 rounded-2xl border border-slate-200 bg-white p-5 shadow-sm">
      <h2 id="funnels" className="font-semibold">
        Funnels
      </h2>
      <p className="mt-1 text-sm text-slate-600">
        A funnel counts the visitors who take its steps in order within one visit, and where the others drop off. Like
        goals, funnels apply to past data too.
      </p>
      {funnels.length === 0 ? (
        <p className="mt-4 text-sm text-slate-600">No funnels yet.</p>
      ) : (
        <ul className="mt-4 divide-y divide-slate-100 text-sm">
          {funnels.map((funnel) => (
            <li key={funnel.id} className="flex items-center justify-between gap-3 py-2">
              <span>
                <span className="font-medium">{funnel.name}</span>{' '}
                <span className="text-slate-600">({funnel.steps.map(stepLabel).join(' → ')})</span>
              </span>
              {canManage ? (
                <form action={deleteFunnelAction.bind(null, siteId)}>
                  <input type="hidden" name="funnelId" value={funnel.id} />
                  <button type="submit" className="text-sm font-semibold text-red-700 hover:underline">
                    Remove<span className="sr-only"> funnel {funnel.name}</span>
                  </button>
                </form>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {canManage ? (
        <div className="mt-5 border-t border-slate-100 pt-4">
          <FunnelForm siteId={siteId} />
        </div>
      ) : null}
    </section>
  );
}
