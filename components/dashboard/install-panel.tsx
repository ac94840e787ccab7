'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';

import { CodeBlock } from '@/components/ui/code-block';
import { primaryButtonClass, secondaryButtonClass } from '@/components/ui/styles';

/** The snippet to paste, with a copy button and a live "waiting for the first hit" check. */
export function InstallPanel({ siteId, snippet }: { siteId: string; snippet: string }) {
  const router = useRouter();
  const [copied, setCopied] = useState(false);
  const [received, setReceived] = useState(false);

  useEffect(() => {
    if (received) return;
    const timer = setInterval(async () => {
      const response = await fetch(`/api/sites/${siteId}/status`, { cache: 'no-store' }).catch(() => null);
      const body = response?.ok ? ((await response.json()) as { receivedEvents: boolean }) : null;
      // Stay on screen with the good news; the button below refreshes the numbers.
      if (body?.receivedEvents) setReceived(true);
    }, 3_000);
    return () => clearInterval(timer);
  }, [received, router, siteId]);

  async function copy() {
    await navigator.clipboard.writeText(snippet);
    setCopied(true);
    setTimeout(() => setCopied(false), 2_000);
  }

  return (
    <section
      aria-labelledby="install-heading"
      className="mt-6 rounded-2xl border border-brand-100 bg-white p-6 shadow-sm"
    >
      <h2 id="install-heading" className="text-lg font-semibold">
        Install the script
      </h2>
      <p className="mt-1 text-sm text-slate-600">
        Paste this into the <code>&lt;head&gt;</code> of every page of your site. It sets no cookies and weighs under
        1&nbsp;KB.
      </p>
      <div className="mt-4 flex flex-col gap-3 sm:flex-row sm:items-start">
        <CodeBlock label="Tracking snippet" code={snippet} className="flex-1" />
        <button type="button" onClick={copy} className={secondaryButtonClass}>
          {copied ? 'Copied' : 'Copy'}
        </button>
      </div>
      <div className="mt-4 flex flex-wrap items-center gap-4">
        <p role="status" className="flex items-center gap-2 text-sm font-medium">
          <span
            aria-hidden="true"
            className={`h-2.5 w-2.5 rounded-full ${received ? 'bg-emerald-500' : 'animate-pulse bg-amber-400'}`}
          />
          {received ? 'Your first event arrived: Glance is counting.' : 'Waiting for the first pageview…'}
        </p>
        {received ? (
          <button type="button" onClick={() => router.refresh()} className={primaryButtonClass}>
            Show the numbers
          </button>
        ) : null}
      </div>
    </section>
  );
}
