// Reads `npm audit --json` output: either a report (with counts per severity) or an error saying
// the advisory database could not be reached. Kept apart from scripts/audit.ts so it can be tested.

export type Severity = 'info' | 'low' | 'moderate' | 'high' | 'critical';

export type AuditResult =
  | { kind: 'report'; counts: Record<Severity, number>; blocking: { name: string; severity: Severity; via: string }[] }
  | { kind: 'unreachable'; reason: string };

interface Vulnerability {
  name: string;
  severity: Severity;
  via: (string | { title?: string; url?: string })[];
}

interface AuditJson {
  metadata?: { vulnerabilities?: Partial<Record<Severity, number>> };
  vulnerabilities?: Record<string, Vulnerability>;
  message?: string;
  error?: { summary?: string; code?: string };
}

const BLOCKING: Severity[] = ['high', 'critical'];

export function readAuditResult(stdout: string): AuditResult {
  let json: AuditJson;
  try {
    json = JSON.parse(stdout) as AuditJson;
  } catch {
    return { kind: 'unreachable', reason: stdout.trim().split('\n')[0] || 'npm audit printed no report' };
  }
  const counted = json.metadata?.vulnerabilities;
  if (!counted) {
    return { kind: 'unreachable', reason: json.message || json.error?.summary || json.error?.code || 'no report' };
  }
  const counts = { info: 0, low: 0, moderate: 0, high: 0, critical: 0, ...counted };
  const blocking = Object.values(json.vulnerabilities ?? {})
    .filter((v) => BLOCKING.includes(v.severity))
    .map((v) => ({
      name: v.name,
      severity: v.severity,
      via: v.via
        .map((via) => (typeof via === 'string' ? via : [via.title, via.url].filter(Boolean).join(' ')))
        .join('; '),
    }));
  return { kind: 'report', counts, blocking };
}
