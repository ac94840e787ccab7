import { Bone, CardSkeleton, SkeletonPage } from '@/components/ui/skeleton';

export default function BreakdownLoading() {
  return (
    <SkeletonPage label="Loading the breakdown…">
      <Bone className="h-4 w-56" />
      <Bone className="mt-3 h-8 w-64" />
      <div className="mt-6">
        <CardSkeleton rows={12} />
      </div>
    </SkeletonPage>
  );
}
