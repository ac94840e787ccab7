-- AlterTable
ALTER TABLE "Subscription" ADD COLUMN     "quotaCountedTo" TIMESTAMP(3),
ADD COLUMN     "quotaPageviews" INTEGER NOT NULL DEFAULT 0;

