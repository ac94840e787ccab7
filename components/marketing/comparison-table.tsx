import { COMPARISON, COMPETITORS } from './comparison';
import { DataTable } from './data-table';

/** The comparison as a table on wide screens and as one card per question on phones. */
export function ComparisonTable() {
  return (
    <>
      <div className="hidden md:block">
        <DataTable
          caption="Glance compared with Plausible, Umami, Fathom and Google Analytics 4"
          columns={['', ...COMPETITORS]}
          rows={COMPARISON.map((row) => [row.question, ...COMPETITORS.map((name) => row.answers[name])])}
        />
      </div>
      <ul className="mt-6 space-y-4 md:hidden">
        {COMPARISON.map((row) => (
          <li key={row.question} className="rounded-2xl border border-slate-200 bg-white p-5 shadow-sm">
            <h3 className="font-semibold">{row.question}</h3>
            <dl className="mt-3 divide-y divide-slate-100 text-sm">
              {COMPETITORS.map((name) => (
                <div key={name} className="grid grid-cols-[8rem_1fr] gap-3 py-2">
                  <dt className={name === 'Glance' ? 'font-semibold text-brand-700' : 'text-slate-600'}>{name}</dt>
                  <dd className={name === 'Glance' ? 'font-semibold text-ink' : 'text-slate-700'}>
                    {row.answers[name]}
                  </dd>
                </div>
              ))}
            </dl>
          </li>
        ))}
      </ul>
    </>
  );
}
