// Prices as people read them: euro cents to "€19" or "€9.50" (decimals only when there are cents).

export function formatEuros(cents: number): string {
  return new Intl.NumberFormat('en-IE', {
    style: 'currency',
    currency: 'EUR',
    minimumFractionDigits: cents % 100 ? 2 : 0,
  }).format(cents / 100);
}
