import type { Metadata } from 'next';

import { LegalPage } from '@/components/marketing/legal-page';
import { contactHref, operator } from '@/lib/legal/operator';

export const metadata: Metadata = {
  title: 'Imprint and contact',
  description: 'Who operates Glance, how to reach us, and the company details the law asks for.',
};

export default function ImprintPage() {
  const op = operator();
  const rows: [string, React.ReactNode][] = [
    ['Operator', op.name],
    ['Address', op.address],
    ['Represented by', op.representative],
    [
      'Email',
      <a key="email" href={`mailto:${op.email}`}>
        {op.email}
      </a>,
    ],
    ...(op.phone ? ([['Telephone', op.phone]] as [string, React.ReactNode][]) : []),
    ...(op.register ? ([['Register', op.register]] as [string, React.ReactNode][]) : []),
    ...(op.vatId ? ([['VAT ID', op.vatId]] as [string, React.ReactNode][]) : []),
    [
      'Security reports',
      <a key="security" href={contactHref(op.securityContact)}>
        {op.securityContact}
      </a>,
    ],
    ['Responsible for content', `${op.representative}, address as above`],
  ];
  return (
    <LegalPage title="Imprint and contact" intro="Glance is operated by the company below.">
      <dl className="mt-8 divide-y divide-slate-200 rounded-2xl border border-slate-200 bg-white">
        {rows.map(([label, value]) => (
          <div key={label} className="grid gap-1 px-5 py-3 sm:grid-cols-[12rem_1fr]">
            <dt className="font-semibold text-ink">{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </LegalPage>
  );
}
