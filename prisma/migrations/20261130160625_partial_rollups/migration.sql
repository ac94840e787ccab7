-- AlterTable
ALTER TABLE "RollupDay" ADD COLUMN     "closedBefore" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "Rollup" ADD COLUMN     "closedBefore" TIMESTAMPTZ(3);

