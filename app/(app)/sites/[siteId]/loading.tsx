import { Bone, CardSkeleton, SkeletonPage } from '@/components/ui/skeleton';

/** The dashboard's shape while its numbers load: metric cards, the chart, four breakdowns. */
export default function DashboardLoading() {
  return (
    <SkeletonPage label="Loading the dashboard…">
      <Bone className="h-4 w-40" />
      <div className="mt-3 flex flex-wrap items-center justify-between gap-3">
        <Bone className="h-8 w-56" />
        <Bone className="h-9 w-40" />
      </div>
      <div className="mt-6 grid grid-cols-2 gap-3 md:grid-cols-3 lg:grid-cols-6">
        {Array.from({ length: 6 }, (_, index) => (
          <div key={index} className="rounded-2xl border border-slate-200 bg-white p-4 shadow-sm">
            <Bone className="h-3 w-20" />
            <Bone className="mt-3 h-7 w-16" />
          </div>
        ))}
      </div>
      <div className="mt-6 rounded-2xl border border-slate-200 bg-white p-5 shadow-sm">
        <Bone className="h-5 w-36" />
        <Bone className="mt-5 h-56 w-full" />
      </div>
      <div className="mt-6 grid gap-6 lg:grid-cols-2">
        {Array.from({ length: 4 }, (_, index) => (
          <CardSkeleton key={index} rows={7} />
        ))}
      </div>
    </SkeletonPage>
  );
}
