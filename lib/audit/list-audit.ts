// The audit-log viewer's query: one team's entries, newest first, filtered by action, actor and
// date range (UTC days), a page at a time. Owners and admins only (lib/teams/permissions.ts).
import { z } from 'zod';

import type { Database } from '@/lib/db/client';
import type { Prisma } from '@/lib/db/generated/client';
import { Invalid } from '@/lib/errors';
import { requirePermission } from '@/lib/teams/permissions';

import { auditLabel, isAuditAction } from './audit-labels';

export const AUDIT_PAGE_SIZE = 25;

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date such as 2026-11-30.')
  .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)), 'Use a real date.');
const blankToUndefined = (value: unknown) => (value === '' || value === null ? undefined : value);

export const auditFilterSchema = z.object({
  action: z.preprocess(
    blankToUndefined,
    z.string().refine(isAuditAction, 'Choose an action from the list.').optional(),
  ),
  actor: z.preprocess(blankToUndefined, z.string().max(64).optional()),
  from: z.preprocess(blankToUndefined, day.optional()),
  to: z.preprocess(blankToUndefined, day.optional()),
  page: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(100_000).default(1)),
});
export type AuditFilter = z.infer<typeof auditFilterSchema>;

export function parseAuditFilter(input: Record<string, string | string[] | undefined>): AuditFilter {
  const first = Object.fromEntries(Object.entries(input).map(([key, value]) => [key, [value].flat()[0]]));
  const parsed = auditFilterSchema.safeParse(first);
  if (!parsed.success) {
    const fieldErrors = Object.fromEntries(parsed.error.issues.map((issue) => [String(issue.path[0]), issue.message]));
    throw new Invalid('Please correct the filter', fieldErrors);
  }
  if (parsed.data.from && parsed.data.to && parsed.data.from > parsed.data.to) {
    throw new Invalid('Please correct the filter', { to: 'The end date is before the start date.' });
  }
  return parsed.data;
}

const ROLE_WORDS: Record<string, string> = { OWNER: 'Owner', ADMIN: 'Admin', MEMBER: 'Member' };

/** Metadata as short readable words (it never holds secrets or personal data: see record-audit.ts). */
function describe(metadata: Prisma.JsonValue, shownAsTarget?: string): string {
  if (!metadata || typeof metadata !== 'object' || Array.isArray(metadata)) return '';
  const word = (value: Prisma.JsonValue) =>
    typeof value === 'string'
      ? (ROLE_WORDS[value] ?? value)
      : typeof value === 'boolean'
        ? value
          ? 'yes'
          : 'no'
        : JSON.stringify(value);
  const m = metadata as Record<string, Prisma.JsonValue>;
  if ('from' in m && 'to' in m) return `${word(m.from!)} → ${word(m.to!)}`;
  return Object.entries(m)
    .filter(([key]) => key !== shownAsTarget)
    .map(([key, value]) => `${key.replace(/([A-Z])/g, ' $1').toLowerCase()}: ${word(value)}`)
    .join(', ');
}

export async function listAuditEntries(db: Database, actor: { userId: string }, teamId: string, filter: AuditFilter) {
  await requirePermission(db, actor.userId, teamId, 'audit:read');
  const where: Prisma.AuditLogWhereInput = {
    teamId,
    ...(filter.action ? { action: filter.action } : {}),
    ...(filter.actor ? { actorId: filter.actor } : {}),
    ...(filter.from || filter.to
      ? {
          createdAt: {
            ...(filter.from ? { gte: new Date(`${filter.from}T00:00:00Z`) } : {}),
            ...(filter.to ? { lt: new Date(Date.parse(`${filter.to}T00:00:00Z`) + 86_400_000) } : {}),
          },
        }
      : {}),
  };
  const [total, rows, actorRows] = await Promise.all([
    db.auditLog.count({ where }),
    db.auditLog.findMany({
      where,
      orderBy: { id: 'desc' },
      skip: (filter.page - 1) * AUDIT_PAGE_SIZE,
      take: AUDIT_PAGE_SIZE,
      select: {
        id: true,
        action: true,
        actorId: true,
        targetType: true,
        targetId: true,
        metadata: true,
        createdAt: true,
      },
    }),
    db.auditLog.findMany({ where: { teamId }, distinct: ['actorId'], select: { actorId: true } }),
  ]);
  const userIds = new Set<string>();
  for (const row of [...rows, ...actorRows]) if (row.actorId) userIds.add(row.actorId);
  for (const row of rows) if (row.targetType === 'user' && row.targetId) userIds.add(row.targetId);
  const users = new Map(
    (await db.user.findMany({ where: { id: { in: [...userIds] } }, select: { id: true, email: true } })).map((u) => [
      u.id,
      u.email,
    ]),
  );
  const nameOf = (id: string | null) => (id ? (users.get(id) ?? 'a deleted account') : 'Glance');
  return {
    total,
    pages: Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE)),
    entries: rows.map((row) => ({
      id: row.id.toString(),
      at: row.createdAt,
      action: row.action,
      label: auditLabel(row.action),
      actor: nameOf(row.actorId),
      target:
        row.targetType === 'user'
          ? nameOf(row.targetId)
          : row.targetType === 'site' && row.metadata && typeof row.metadata === 'object' && 'domain' in row.metadata
            ? String((row.metadata as { domain: unknown }).domain)
            : '',
      details: describe(row.metadata, row.targetType === 'site' ? 'domain' : undefined),
    })),
    actors: actorRows
      .flatMap((row) => (row.actorId ? [{ id: row.actorId, email: nameOf(row.actorId) }] : []))
      .sort((a, b) => a.email.localeCompare(b.email)),
  };
}
