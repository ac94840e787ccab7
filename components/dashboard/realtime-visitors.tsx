'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState } from 'react';

const POLL_MS = 10_000;

export interface RealtimeSnapshot {
  visitors: number;
  /** The newest event's time (ISO), or null for a site without data. */
  latest: string | null;
}

/**
 * Visitors active in the last five minutes, polled every ten seconds while the tab is visible (at once
 * when it becomes visible again). When new events have arrived since the page was rendered, the page's
 * server components are refreshed in place, so the chart and every number follow without a reload.
 */
export function RealtimeVisitors({ endpoint, initial }: { endpoint: string; initial: RealtimeSnapshot }) {
  const router = useRouter();
  const [visitors, setVisitors] = useState(initial.visitors);
  const latest = useRef(initial.latest);
  useEffect(() => {
    latest.current = initial.latest;
  }, [initial.latest]);
  useEffect(() => {
    let stopped = false;
    let timer: number | undefined;
    const refresh = async () => {
      try {
        const response = await fetch(endpoint, { cache: 'no-store' });
        if (!response.ok || stopped) return;
        const snapshot = (await response.json()) as RealtimeSnapshot;
        setVisitors(snapshot.visitors);
        if (snapshot.latest !== latest.current) {
          latest.current = snapshot.latest;
          router.refresh();
        }
      } catch {
        // Offline for a moment: keep the last numbers, try again on the next tick.
      }
    };
    const start = () => {
      window.clearInterval(timer);
      timer = window.setInterval(refresh, POLL_MS);
    };
    const onVisibility = () => {
      if (document.visibilityState === 'visible') {
        void refresh();
        start();
      } else {
        window.clearInterval(timer);
      }
    };
    if (document.visibilityState === 'visible') start();
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      stopped = true;
      window.clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [endpoint, router]);
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
