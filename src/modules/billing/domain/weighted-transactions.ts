import { defaultWeightPermille, type PriceListTerms } from './billing-model.ts';

/**
 * A count of transactions weighted by the price list: `count × weight / 1000`, rounded half up to a whole
 * transaction. Integer arithmetic throughout (weights are bounded at 100 000 ‰ and counts at 10^10 a year, so the
 * product stays below 2^53).
 */
export function weightedTransactions(terms: PriceListTerms, metric: string, count: number): number {
  const weight = terms.weightsPermille[metric] ?? defaultWeightPermille;
  return Math.floor((count * weight + 500) / 1000);
}
