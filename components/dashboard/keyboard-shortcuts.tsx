'use client';

import { useRouter } from 'next/navigation';
import { useEffect } from 'react';

/** Single-key shortcuts to the common ranges; ignored while typing in a field or with a modifier held. */
export function KeyboardShortcuts({ links }: { links: Record<string, string> }) {
  const router = useRouter();
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.metaKey || event.ctrlKey || event.altKey || event.defaultPrevented) return;
      const target = event.target as HTMLElement | null;
      if (target?.closest('input, textarea, select, [contenteditable="true"]')) return;
      const href = links[event.key.toLowerCase()];
      if (!href) return;
      event.preventDefault();
      router.push(href);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [links, router]);
  return null;
}
