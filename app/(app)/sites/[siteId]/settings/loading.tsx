import { Bone, CardSkeleton, SkeletonPage } from '@/components/ui/skeleton';

export default function SiteSettingsLoading() {
  return (
    <SkeletonPage label="Loading the site settings…">
      <Bone className="h-4 w-48" />
      <Bone className="mt-3 h-8 w-72" />
      <div className="mt-6 space-y-6">
        <CardSkeleton rows={4} />
        <CardSkeleton rows={3} />
      </div>
    </SkeletonPage>
  );
}
