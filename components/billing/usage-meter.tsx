// A pageview meter: used against the plan's quota in the current period.
export function UsageMeter({
  pageviews,
  quota,
  periodLabel,
}: {
  pageviews: number;
  quota: number;
  periodLabel: string;
}) {
  const percent = quota > 0 ? (pageviews / quota) * 100 : 100;
  const bar = percent >= 100 ? 'bg-red-600' : percent >= 80 ? 'bg-amber-500' : 'bg-brand-600';
  return (
    <div className="mt-3">
      <p className="flex flex-wrap items-baseline justify-between gap-2 text-sm">
        <span>
          <strong className="text-lg" data-testid="usage-pageviews">
            {pageviews.toLocaleString('en')}
          </strong>{' '}
          of {quota.toLocaleString('en')} pageviews ({Math.floor(percent)}%)
        </span>
        <span className="text-slate-600">{periodLabel}</span>
      </p>
      <div
        role="meter"
        aria-label="Pageviews used this period"
        aria-valuemin={0}
        aria-valuemax={quota}
        aria-valuenow={Math.min(pageviews, quota)}
        aria-valuetext={`${pageviews.toLocaleString('en')} of ${quota.toLocaleString('en')} pageviews`}
        className="mt-2 h-3 overflow-hidden rounded-full bg-slate-100"
      >
        <div className={`h-full rounded-full ${bar}`} style={{ width: `${Math.min(100, percent)}%` }} />
      </div>
    </div>
  );
}
