-- CreateIndex
CREATE INDEX "Event_siteId_pathname_timestamp_idx" ON "Event"("siteId", "pathname", "timestamp");

