-- CreateIndex
CREATE INDEX "AuditLog_createdAt_idx" ON "AuditLog"("createdAt");

-- The audit log is append-only, enforced by the database rather than by the app's good behaviour:
-- UPDATE and TRUNCATE are always refused, and DELETE too unless the transaction has set
-- `glance.audit_purge` to 'on' (SET LOCAL / set_config(..., true)), which only the retention job
-- (lib/retention/run-retention.ts) does, for entries older than AUDIT_RETENTION_MONTHS.
-- The table has no foreign keys, so no cascade from a deleted team or user ever reaches it.
CREATE FUNCTION "audit_log_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' AND current_setting('glance.audit_purge', true) = 'on' THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'AuditLog is append-only: % is not allowed', TG_OP
    USING ERRCODE = 'insufficient_privilege',
          HINT = 'Entries are removed only by the retention job, after AUDIT_RETENTION_MONTHS.';
END
$$;

CREATE TRIGGER "AuditLog_append_only"
  BEFORE UPDATE OR DELETE ON "AuditLog"
  FOR EACH ROW EXECUTE FUNCTION "audit_log_append_only"();

CREATE TRIGGER "AuditLog_no_truncate"
  BEFORE TRUNCATE ON "AuditLog"
  FOR EACH STATEMENT EXECUTE FUNCTION "audit_log_append_only"();
