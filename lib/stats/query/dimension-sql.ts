// Where each dimension's value lives in SQL: on visit rows (v) and on event rows (e).
import { Prisma } from '@/lib/db/generated/client';

import {
  DIMENSIONS,
  isPropDimension,
  NONE_LABEL,
  type DimensionInfo,
  type PlainDimension,
  type PropDimension,
} from './dimensions';

/** The dimension's value on a visit row `v` (or another alias), with its placeholder for "not set". */
export function visitValueSql(dimension: PlainDimension, alias = 'v'): Prisma.Sql {
  const info: DimensionInfo = DIMENSIONS[dimension];
  if (info.level !== 'visit') throw new Error(`${dimension} is not a visit dimension`);
  return Prisma.sql`coalesce(${Prisma.raw(`${alias}."${info.column}"`)}, ${info.empty ?? NONE_LABEL})`;
}

/**
 * The dimension's value on an event row `e`, or null when the event does not carry it (entry and exit
 * page): callers then go through the event's visit.
 */
export function eventValueSql(dimension: PlainDimension | PropDimension): Prisma.Sql | null {
  if (isPropDimension(dimension)) return Prisma.sql`coalesce(e.props ->> ${dimension.slice(5)}, ${NONE_LABEL})`;
  const info: DimensionInfo = DIMENSIONS[dimension];
  const column = info.level === 'visit' ? info.eventColumn : info.column;
  if (!column) return null;
  const value = Prisma.sql`e.${Prisma.raw(`"${column}"`)}`;
  if (info.level === 'event' && info.required) return value;
  return Prisma.sql`coalesce(${value}, ${info.empty ?? NONE_LABEL})`;
}
