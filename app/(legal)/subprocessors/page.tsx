import type { Metadata } from 'next';
import Link from 'next/link';

import { DataTable } from '@/components/marketing/data-table';
import { LegalPage } from '@/components/marketing/legal-page';
import { operator } from '@/lib/legal/operator';
import { subprocessors } from '@/lib/legal/subprocessors';

export const metadata: Metadata = {
  title: 'Sub-processors',
  description: 'The companies that help run Glance, what each one does, and which data reaches it.',
};

export default function SubprocessorsPage() {
  const list = subprocessors();
  return (
    <LegalPage
      title="Sub-processors"
      intro="These are all the companies that process data for us. The data policy, the privacy policy and the data processing agreement refer to this one list."
    >
      <DataTable
        caption="Sub-processors"
        columns={['Company', 'What for', 'What data', 'Receives visitor data']}
        rows={list.map((entry) => [entry.name, entry.purpose, entry.data, entry.visitorData ? 'Yes' : 'No'])}
      />
      <h2 id="changes">Changes</h2>
      <p>
        We announce a new or replaced sub-processor by email to account owners at least 30 days before it starts, as the{' '}
        <Link href="/dpa">data processing agreement</Link> describes. Questions:{' '}
        <a href={`mailto:${operator().email}`}>{operator().email}</a>.
      </p>
    </LegalPage>
  );
}
