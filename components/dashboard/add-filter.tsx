'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';

import { inputClass, secondaryButtonClass } from '@/components/ui/styles';
import { encodeFilter } from '@/lib/stats/dashboard-view';
import { DIMENSIONS, PLAIN_DIMENSIONS, type Dimension } from '@/lib/stats/query/dimensions';
import { FILTER_OPERATORS, type FilterOperator } from '@/lib/stats/query/schema';

const OPERATOR_LABELS: Record<FilterOperator, string> = {
  is: 'is',
  is_not: 'is not',
  contains: 'contains',
  not_contains: 'does not contain',
};

/** A small form that adds a filter on any dimension; several values are separated by commas. */
export function AddFilter({ basePath, query }: { basePath: string; query: string }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  if (!open) {
    return (
      <button
        type="button"
        className="text-sm font-semibold text-brand-700 hover:underline"
        onClick={() => setOpen(true)}
      >
        + Add filter
      </button>
    );
  }
  return (
    <form
      className="flex flex-wrap items-end gap-2 rounded-xl border border-slate-200 bg-white p-2 shadow-sm"
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        const dimension = String(data.get('dimension')) as Dimension;
        const values = String(data.get('values'))
          .split(',')
          .map((value) => value.trim())
          .filter(Boolean);
        if (values.length === 0) return;
        const params = new URLSearchParams(query.replace(/^\?/, ''));
        params.append('f', encodeFilter({ dimension, operator: data.get('operator') as FilterOperator, values }));
        router.push(`${basePath}?${params}`, { scroll: false });
        setOpen(false);
      }}
    >
      <label className="text-xs text-slate-700">
        Dimension
        <select name="dimension" className={inputClass} defaultValue="page">
          {[...PLAIN_DIMENSIONS, 'goal' as const].map((dimension) => (
            <option key={dimension} value={dimension}>
              {dimension === 'goal' ? 'Goal' : DIMENSIONS[dimension].label}
            </option>
          ))}
        </select>
      </label>
      <label className="text-xs text-slate-700">
        Operator
        <select name="operator" className={inputClass} defaultValue="is">
          {FILTER_OPERATORS.map((operator) => (
            <option key={operator} value={operator}>
              {OPERATOR_LABELS[operator]}
            </option>
          ))}
        </select>
      </label>
      <label className="text-xs text-slate-700">
        Value
        <input name="values" required autoFocus className={inputClass} placeholder="/pricing, /about" />
      </label>
      <button type="submit" className={secondaryButtonClass}>
        Apply filter
      </button>
      <button type="button" className="px-2 py-2 text-sm text-slate-600 hover:underline" onClick={() => setOpen(false)}>
        Cancel
      </button>
    </form>
  );
}
