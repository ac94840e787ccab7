import type { DocumentedModel } from '@/lib/legal/stored-data';

import { DataTable } from './data-table';

/** One documented table: its purpose, retention and every column (from lib/legal/stored-data.ts). */
export function StoredFields({ model, headingLevel = 'h3' }: { model: DocumentedModel; headingLevel?: 'h2' | 'h3' }) {
  const Heading = headingLevel;
  return (
    <section aria-labelledby={`table-${model.model}`}>
      <Heading id={`table-${model.model}`}>{model.doc.title}</Heading>
      <p>
        <strong>Purpose:</strong> {model.doc.purpose}
      </p>
      <p>
        <strong>Kept:</strong> {model.doc.retention}
      </p>
      <DataTable
        caption={`Fields stored for ${model.doc.title.toLowerCase()}`}
        columns={['Field', 'What it holds']}
        rows={model.fields.map(([field, text]) => [<code key={field}>{field}</code>, text])}
      />
    </section>
  );
}
