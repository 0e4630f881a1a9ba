import type { ProductPricing } from './billing-model.ts';

/**
 * The charge units of `transactions` weighted transactions under a product's tier table, in thousandths of a
 * full-price transaction (an integer). Bands are sorted by `from` (validated when the price list is stored).
 * A year-to-date total is rated against the yearly table, so rating the cumulative total each quarter and billing
 * the change makes both graduated and volume tiers come out right by the end of the year.
 */
export function tieredUnits(pricing: ProductPricing, transactions: number): number {
  const { tiers } = pricing;
  if (transactions <= 0 || tiers.length === 0) return 0;
  const first = tiers[0];
  if (!first) return 0;
  if (pricing.tierModel === 'flat') return transactions * first.ratePermille;
  if (pricing.tierModel === 'volume') {
    let rate = first.ratePermille;
    for (const band of tiers) if (transactions >= band.from) rate = band.ratePermille;
    return transactions * rate;
  }
  let units = 0;
  for (const [index, band] of tiers.entries()) {
    const upTo = tiers[index + 1]?.from ?? Number.POSITIVE_INFINITY;
    if (transactions <= band.from) break;
    units += (Math.min(transactions, upTo) - band.from) * band.ratePermille;
  }
  return units;
}
