-- AlterTable
ALTER TABLE "Goal" ADD COLUMN     "rollupsReady" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "RollupDay" (
    "siteId" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "builtAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RollupDay_pkey" PRIMARY KEY ("siteId","day")
);

-- CreateTable
CREATE TABLE "Rollup" (
    "id" BIGSERIAL NOT NULL,
    "siteId" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "localDate" DATE NOT NULL,
    "whole" BOOLEAN NOT NULL,
    "dimension" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "visitors" INTEGER NOT NULL,
    "visits" INTEGER NOT NULL,
    "pageviews" INTEGER NOT NULL,
    "events" INTEGER NOT NULL,
    "revenue" DOUBLE PRECISION NOT NULL,
    "bounces" INTEGER NOT NULL,
    "entries" INTEGER NOT NULL,
    "durationSeconds" DOUBLE PRECISION NOT NULL,
    "timeOnPageSum" DOUBLE PRECISION NOT NULL,
    "timeOnPageCount" INTEGER NOT NULL,

    CONSTRAINT "Rollup_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Rollup_siteId_dimension_day_whole_localDate_idx" ON "Rollup"("siteId", "dimension", "day", "whole", "localDate");

-- AddForeignKey
ALTER TABLE "RollupDay" ADD CONSTRAINT "RollupDay_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "Site"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Rollup" ADD CONSTRAINT "Rollup_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "Site"("id") ON DELETE CASCADE ON UPDATE CASCADE;

