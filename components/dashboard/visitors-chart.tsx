import type { DayPoint } from '@/lib/stats/overview';

import { formatCount } from './format';

const WIDTH = 900;
const HEIGHT = 220;

/** Daily visitors as bars; server-rendered SVG with a text equivalent for screen readers. */
export function VisitorsChart({ series }: { series: DayPoint[] }) {
  const max = Math.max(1, ...series.map((point) => point.visitors));
  const slot = WIDTH / Math.max(1, series.length);
  const total = series.reduce((sum, point) => sum + point.visitors, 0);
  return (
    <figure className="mt-6 rounded-2xl border border-slate-200 bg-white p-5 shadow-sm">
      <figcaption className="text-sm font-semibold text-slate-700">Visitors per day</figcaption>
      {total === 0 ? (
        <p className="mt-4 flex h-56 items-center justify-center rounded-xl bg-slate-50 text-sm text-slate-600">
          No visitors in this period yet.
        </p>
      ) : null}
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        className={total === 0 ? 'hidden' : 'mt-4 h-56 w-full'}
        preserveAspectRatio="none"
        role="img"
        aria-label={`Visitors per day over ${series.length} days, ${formatCount(total)} in total, at most ${formatCount(max)} on one day`}
      >
        {series.map((point, index) => {
          const height = (point.visitors / max) * (HEIGHT - 10);
          return (
            <rect
              key={point.day}
              x={index * slot + slot * 0.15}
              y={HEIGHT - height}
              width={slot * 0.7}
              height={height}
              rx={3}
              className="fill-brand-500"
            >
              <title>{`${point.day}: ${point.visitors} visitors, ${point.pageviews} pageviews`}</title>
            </rect>
          );
        })}
      </svg>
      <div className="mt-2 flex justify-between text-xs text-slate-600">
        <span>{series[0]?.day}</span>
        <span>{series.at(-1)?.day}</span>
      </div>
    </figure>
  );
}
