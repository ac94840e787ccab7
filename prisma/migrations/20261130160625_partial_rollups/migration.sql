-- AlterTable
ALTER TABLE "RollupDay" ADD COLUMN     "closedBefore" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "Rollup" ADD COLUMN     "closedBefore" TIMESTAMPTZ(3);


-- The rows of days rolled up in part only (few): the rollup job finds the superseded ones to delete
-- without reading every row of a site (lib/stats/rollups/build-rollups.ts, removeSupersededRows).
-- Prisma's schema cannot state a partial index, so it lives here only (see the Rollup model).
CREATE INDEX "Rollup_partial_idx" ON "Rollup" ("siteId", "day") WHERE "closedBefore" IS NOT NULL;
