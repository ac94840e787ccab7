-- AlterTable
ALTER TABLE "Subscription" ADD COLUMN     "currentPeriodStart" TIMESTAMP(3),
ADD COLUMN     "overQuotaPeriods" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "quotaNoticeLevel" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "quotaPeriodStart" TIMESTAMP(3),
ADD COLUMN     "recordingPauseReason" TEXT,
ADD COLUMN     "recordingPausedAt" TIMESTAMP(3),
ADD COLUMN     "trialReminderSentAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "StripeEvent" (
    "id" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "teamId" TEXT,
    "outcome" TEXT NOT NULL,
    "processedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StripeEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "StripeEvent_processedAt_idx" ON "StripeEvent"("processedAt");

-- CreateIndex
CREATE INDEX "Subscription_recordingPausedAt_idx" ON "Subscription"("recordingPausedAt");

