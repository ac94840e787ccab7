-- AlterTable
ALTER TABLE "Site" ADD COLUMN     "excludedIpHashes" TEXT[] DEFAULT ARRAY[]::TEXT[];

