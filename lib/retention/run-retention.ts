// The retention job: deletes what Glance no longer needs to keep, in bounded batches so that no
// statement holds locks or builds up WAL for long, and the app keeps ingesting while it runs.
import type pg from 'pg';

import type { Database } from '@/lib/db/client';
import { SaltStore } from '@/lib/privacy/salts';
import { forgetRollupsThrough } from '@/lib/stats/rollups/forget-rollups';

import { fixedCutoffs, trafficCutoff } from './policy';

export const RETENTION_BATCH_ROWS = 5_000;

/** The local setting the append-only trigger on "AuditLog" checks (see the audit_log_append_only migration). */
export const AUDIT_PURGE_SETTING = 'glance.audit_purge';

export interface RetentionReport {
  /** Days whose rollups were dropped because raw rows of them were about to be deleted. */
  rollupDays: number;
  events: number;
  visits: number;
  salts: number;
  sessions: number;
  apiTokens: number;
  /** Sign-in challenges, passkey challenges, email links and team invitations a day past their expiry. */
  challenges: number;
  auditEntries: number;
  /** True when the run was asked to stop before it finished (the rest is left for the next run). */
  stopped: boolean;
}

export interface RetentionOptions {
  batchRows?: number;
  /** Checked between batches: the server aborts a run when it shuts down. */
  signal?: AbortSignal;
}

/**
 * Deletes rows matching `where` from `table`, `batchRows` at a time, each batch its own short
 * transaction. `where` is trusted SQL from this file; values go in `params` ($1…), the batch size last.
 */
async function deleteInBatches(
  pool: pg.Pool,
  table: string,
  where: string,
  params: unknown[],
  options: Required<Pick<RetentionOptions, 'batchRows'>> & RetentionOptions,
  setting?: string,
): Promise<number> {
  const limit = `$${params.length + 1}`;
  const statement = `DELETE FROM "${table}" WHERE id IN (SELECT id FROM "${table}" WHERE ${where} LIMIT ${limit})`;
  let total = 0;
  for (;;) {
    if (options.signal?.aborted) return total;
    const deleted = setting
      ? await deleteWithSetting(pool, statement, [...params, options.batchRows], setting)
      : ((await pool.query(statement, [...params, options.batchRows])).rowCount ?? 0);
    total += deleted;
    if (deleted < options.batchRows) return total;
  }
}

/** One batch in a transaction that first sets a transaction-local setting (it ends with the transaction). */
async function deleteWithSetting(pool: pg.Pool, statement: string, values: unknown[], setting: string) {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query('BEGIN');
    await client.query(`SELECT set_config($1, 'on', true)`, [setting]);
    const result = await client.query(statement, values);
    await client.query('COMMIT');
    return result.rowCount ?? 0;
  } catch (error) {
    await client.query('ROLLBACK').catch((rollbackError: Error) => (broken = rollbackError));
    throw error;
  } finally {
    client.release(broken);
  }
}

/** Site ids grouped by the cut-off of their team's plan. */
async function sitesByCutoff(pool: pg.Pool, now: Date): Promise<Map<number, string[]>> {
  const { rows } = await pool.query<{ siteId: string; plan: string | null }>(
    `SELECT s.id AS "siteId", sub.plan FROM "Site" s LEFT JOIN "Subscription" sub ON sub."teamId" = s."teamId"`,
  );
  const groups = new Map<number, string[]>();
  for (const { siteId, plan } of rows) {
    const cutoff = trafficCutoff(plan, now).getTime();
    groups.set(cutoff, [...(groups.get(cutoff) ?? []), siteId]);
  }
  return groups;
}

/**
 * Deletes, as of `now`: events and visits older than their team's plan retention (a visit only once
 * it ended before the cut-off), salts no visit can need, sessions and API tokens expired or revoked
 * longer than their grace period, and audit entries older than AUDIT_RETENTION_MONTHS.
 */
export async function runRetention(
  { db, pool }: { db: Database; pool: pg.Pool },
  now: Date,
  options: RetentionOptions = {},
): Promise<RetentionReport> {
  const opts = { batchRows: RETENTION_BATCH_ROWS, ...options };
  const report: RetentionReport = {
    rollupDays: 0,
    events: 0,
    visits: 0,
    salts: 0,
    sessions: 0,
    apiTokens: 0,
    challenges: 0,
    auditEntries: 0,
    stopped: false,
  };
  const cutoffs = fixedCutoffs(now);
  // Timestamps without time zone hold UTC (Prisma writes them so): compare them as such.
  const utc = (param: string) => `(${param}::timestamptz AT TIME ZONE 'UTC')`;
  for (const [cutoff, siteIds] of await sitesByCutoff(pool, now)) {
    const before = new Date(cutoff);
    // Rollups of the days this run cuts into go first: should the run stop half way, the raw rows left
    // are the truth. The rollup job shares this job's lock and rebuilds them from what is kept.
    report.rollupDays += await forgetRollupsThrough(db, siteIds, before);
    report.events += await deleteInBatches(
      pool,
      'Event',
      `"siteId" = ANY($1::text[]) AND "timestamp" < $2::timestamptz`,
      [siteIds, before],
      opts,
    );
    report.visits += await deleteInBatches(
      pool,
      'Visit',
      `"siteId" = ANY($1::text[]) AND "startedAt" < $2::timestamptz AND "lastSeenAt" < $2::timestamptz`,
      [siteIds, before],
      opts,
    );
  }
  if (!opts.signal?.aborted) report.salts = await new SaltStore(db).rotate(now);
  report.sessions = await deleteInBatches(
    pool,
    'UserSession',
    `"expiresAt" < ${utc('$1')} OR "revokedAt" < ${utc('$1')}`,
    [cutoffs.sessions],
    opts,
  );
  report.apiTokens = await deleteInBatches(
    pool,
    'ApiToken',
    `"expiresAt" < ${utc('$1')} OR "revokedAt" < ${utc('$1')}`,
    [cutoffs.apiTokens],
    opts,
  );
  for (const table of ['LoginChallenge', 'WebAuthnChallenge', 'EmailToken', 'Invitation']) {
    report.challenges += await deleteInBatches(pool, table, `"expiresAt" < ${utc('$1')}`, [cutoffs.sessions], opts);
  }
  report.auditEntries = await deleteInBatches(
    pool,
    'AuditLog',
    `"createdAt" < ${utc('$1')}`,
    [cutoffs.auditLog],
    opts,
    AUDIT_PURGE_SETTING,
  );
  report.stopped = opts.signal?.aborted ?? false;
  return report;
}
