// Number formatting shared by dashboard widgets.
const compact = new Intl.NumberFormat('en', { notation: 'compact', maximumFractionDigits: 1 });

export const formatCount = (value: number) => (value < 10_000 ? value.toLocaleString('en') : compact.format(value));
export const formatPercent = (ratio: number) => `${Math.round(ratio * 100)}%`;

export function formatDuration(seconds: number): string {
  const total = Math.round(seconds);
  const minutes = Math.floor(total / 60);
  return minutes ? `${minutes}m ${String(total % 60).padStart(2, '0')}s` : `${total}s`;
}
