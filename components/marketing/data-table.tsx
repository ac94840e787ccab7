/** A plain, accessible table for the legal and docs pages; scrolls sideways on small screens. */
export function DataTable({
  caption,
  columns,
  rows,
  rowHeader = true,
}: {
  caption: string;
  columns: string[];
  rows: React.ReactNode[][];
  /** The first cell of each row names it. */
  rowHeader?: boolean;
}) {
  return (
    <div
      className="relative mt-5 overflow-x-auto rounded-xl border border-slate-200 bg-white"
      tabIndex={0}
      role="region"
      aria-label={caption}
    >
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-50 text-xs tracking-wide text-slate-600 uppercase">
          <tr>
            {columns.map((column) => (
              <th key={column} scope="col" className="px-4 py-3 font-semibold">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 align-top">
          {rows.map((row, index) => (
            <tr key={index}>
              {row.map((cell, cellIndex) =>
                cellIndex === 0 && rowHeader ? (
                  <th key={cellIndex} scope="row" className="px-4 py-3 font-medium whitespace-nowrap text-ink">
                    {cell}
                  </th>
                ) : (
                  <td key={cellIndex} className="px-4 py-3 text-slate-700">
                    {cell}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
