/** Øre as kroner with two decimals, by integer arithmetic: 12345 → "NOK 123.45", -5 → "NOK -0.05". */
export function formatOre(ore: number): string {
  const sign = ore < 0 ? '-' : '';
  const abs = Math.abs(ore);
  const kroner = Math.floor(abs / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
  return `NOK ${sign}${kroner}.${String(abs % 100).padStart(2, '0')}`;
}
