// Types that tie the data documentation to the Prisma schema: a model or column without a
// description is a compile error here and a failing test in stored-data.test.ts.
import type { Prisma } from '@/lib/db/generated/browser';

export type ModelName = Prisma.ModelName;
export type ScalarsOf<M extends ModelName> = keyof Prisma.TypeMap['model'][M]['payload']['scalars'] & string;

export interface ModelDoc<M extends ModelName> {
  /** Who the data is about: visitors of customers' sites, or our customers' accounts. */
  subject: 'visitor' | 'account';
  title: string;
  purpose: string;
  retention: string;
  /** Every stored column and what it holds. */
  fields: Record<ScalarsOf<M>, string>;
}

export type StoredData = { [M in ModelName]: ModelDoc<M> };
