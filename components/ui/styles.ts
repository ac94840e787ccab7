// Class names shared by form controls and buttons, so every form looks and behaves alike.
export const inputClass =
  'mt-1 block w-full rounded-lg border border-slate-300 px-3 py-2 focus:border-brand-500 focus:ring-2 focus:ring-brand-100 focus:outline-none';

export const primaryButtonClass =
  'rounded-lg bg-brand-600 px-4 py-2 text-sm font-semibold text-white shadow-sm hover:bg-brand-700 disabled:opacity-60';

export const secondaryButtonClass =
  'rounded-lg border border-slate-300 px-4 py-2 text-sm font-semibold text-slate-700 hover:bg-slate-50';

export const labelClass = 'block text-sm font-medium text-slate-700';

export const linkClass = 'font-medium text-brand-700 hover:underline';

/** A white panel on the page background (settings sections, lists). */
export const panelClass = 'rounded-2xl border border-slate-200 bg-white p-6 shadow-sm';
