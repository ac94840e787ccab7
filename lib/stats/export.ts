// Exports: any breakdown as CSV, and a whole view (every breakdown, goals and the time series) as a ZIP.
import { strToU8, zipSync } from 'fflate';

import { recordAudit } from '@/lib/audit/record-audit';
import type { Database } from '@/lib/db/client';

import { breakdownMetrics } from './dashboard';
import { CHART_METRICS, type DashboardView } from './dashboard-view';
import { PLAIN_DIMENSIONS, type Dimension } from './query/dimensions';
import { queryStats, type StatsResult, type StatsSite } from './query/query-stats';

export const EXPORT_ROW_LIMIT = 10_000;

/** One CSV field: quoted when needed, and never read as a formula by a spreadsheet (CWE-1236). */
function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function toCsv(header: string[], rows: (string | number | null | undefined)[][]): string {
  return [header, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

export function resultToCsv(result: StatsResult, first: string): string {
  const metrics = result.query.metrics;
  return toCsv(
    [first, ...metrics],
    result.rows.map((row) => [row.bucket ?? row.value, ...metrics.map((metric) => row.metrics[metric] ?? null)]),
  );
}

export interface ExportActor {
  userId: string;
  teamId: string;
}

/** Exports leave a trace: who took which site's data out, and what of it. */
function auditExport(db: Database, actor: ExportActor, site: StatsSite, what: string, view: DashboardView) {
  return recordAudit(db, {
    teamId: actor.teamId,
    actorId: actor.userId,
    action: 'stats.export',
    targetType: 'site',
    targetId: site.id,
    metadata: {
      what,
      range: typeof view.range === 'object' ? { ...view.range } : view.range,
      filters: view.filters.length,
    },
  });
}

export async function exportBreakdownCsv(
  db: Database,
  actor: ExportActor,
  site: StatsSite,
  view: DashboardView,
  dimension: Dimension,
) {
  await auditExport(db, actor, site, dimension, view);
  const result = await queryStats(db, site, {
    metrics: breakdownMetrics(dimension),
    dimensions: [dimension],
    dateRange: view.range,
    filters: view.filters,
    limit: EXPORT_ROW_LIMIT,
  });
  return resultToCsv(result, dimension);
}

/** Every dimension of the view as its own CSV file, plus the time series and goals, zipped. */
export async function exportViewZip(
  db: Database,
  actor: ExportActor,
  site: StatsSite,
  view: DashboardView,
): Promise<Uint8Array> {
  await auditExport(db, actor, site, 'zip', view);
  const base = { dateRange: view.range, filters: view.filters };
  const dimensions: Dimension[] = [...PLAIN_DIMENSIONS.filter((dimension) => dimension !== 'hostname'), 'goal'];
  const [series, ...breakdowns] = await Promise.all([
    queryStats(db, site, { ...base, metrics: [...CHART_METRICS], granularity: view.interval ?? 'auto' }),
    ...dimensions.map((dimension) =>
      queryStats(db, site, {
        ...base,
        metrics: breakdownMetrics(dimension),
        dimensions: [dimension],
        limit: EXPORT_ROW_LIMIT,
      }),
    ),
  ]);
  const files: Record<string, Uint8Array> = { 'timeseries.csv': strToU8(resultToCsv(series, 'date')) };
  dimensions.forEach((dimension, index) => {
    files[`${dimension}.csv`] = strToU8(resultToCsv(breakdowns[index]!, dimension));
  });
  return zipSync(files, { level: 6, mtime: new Date() });
}
