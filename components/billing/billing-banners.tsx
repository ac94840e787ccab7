// Billing banners under the app header (lib/billing/billing-notices.ts decides what they say).
import Link from 'next/link';

import type { BillingNotice } from '@/lib/billing/billing-notices';

const TONES: Record<BillingNotice['tone'], string> = {
  info: 'border-brand-100 bg-brand-50 text-brand-700',
  warning: 'border-amber-300 bg-amber-50 text-amber-900',
  danger: 'border-red-300 bg-red-50 text-red-900',
};

export function BillingBanners({ notices }: { notices: BillingNotice[] }) {
  if (notices.length === 0) return null;
  return (
    <section aria-label="Billing notices" className="mx-auto max-w-6xl space-y-2 px-5 pt-4">
      {notices.map((notice) => (
        <p
          key={notice.teamId}
          className={`flex flex-wrap items-center justify-between gap-x-4 gap-y-1 rounded-lg border px-4 py-2.5 text-sm ${TONES[notice.tone]}`}
        >
          <span>{notice.message}</span>
          {notice.href ? (
            <Link href={notice.href} className="font-semibold underline underline-offset-2">
              Open billing
            </Link>
          ) : null}
        </p>
      ))}
    </section>
  );
}
