'use client';

import { useEffect, useState } from 'react';

const POLL_MS = 10_000;

/** Visitors active in the last five minutes, refreshed every ten seconds without reloading the page. */
export function RealtimeVisitors({ endpoint, initial }: { endpoint: string; initial: number }) {
  const [visitors, setVisitors] = useState(initial);
  useEffect(() => {
    let stopped = false;
    const refresh = async () => {
      if (document.visibilityState !== 'visible') return;
      try {
        const response = await fetch(endpoint, { cache: 'no-store' });
        if (response.ok && !stopped) setVisitors(((await response.json()) as { visitors: number }).visitors);
      } catch {
        // Offline for a moment: keep the last number, try again on the next tick.
      }
    };
    const timer = window.setInterval(refresh, POLL_MS);
    return () => {
      stopped = true;
      window.clearInterval(timer);
    };
  }, [endpoint]);
  return (
    <p aria-live="polite" className="flex items-center gap-2 text-sm font-medium text-slate-700">
      <span className="relative flex size-2.5" aria-hidden="true">
        <span className="absolute inline-flex size-full animate-ping rounded-full bg-emerald-400 opacity-75 motion-reduce:animate-none" />
        <span className="relative inline-flex size-2.5 rounded-full bg-emerald-500" />
      </span>
      <span>
        <span data-testid="current-visitors" className="font-bold tabular-nums">
          {visitors.toLocaleString('en')}
        </span>{' '}
        current {visitors === 1 ? 'visitor' : 'visitors'}
      </span>
    </p>
  );
}
