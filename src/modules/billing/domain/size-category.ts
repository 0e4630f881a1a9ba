import { sizeCategories, type SizeCategory, type SizeCategoryTerms } from './billing-model.ts';

/**
 * The size category of an owner with `transactions` weighted transactions over `months` months of a year. The
 * yearly thresholds are scaled to the months counted, so a provisional quarter places an owner by its pace rather than
 * by a quarter's volume against a year's bounds.
 */
export function sizeCategoryOf(terms: SizeCategoryTerms, transactions: number, months = 12): SizeCategory {
  for (const category of sizeCategories) {
    if (category === 'andre') break;
    if (transactions >= scaledThreshold(terms.from[category], months)) return category;
  }
  return 'andre';
}

/**
 * The least count over `months` months whose yearly pace (count × 12 / months) reaches `yearly`. Rounded up, not to
 * the nearest: a first quarter of 2 500 000 is a pace of exactly 10 M a year, Svært stor as such a year would be.
 */
export function scaledThreshold(yearly: number, months: number): number {
  return Math.ceil((yearly * months) / 12);
}

/** The next category up and how many more weighted transactions reach it; null for the largest category. */
export function distanceToNextCategory(
  terms: SizeCategoryTerms,
  transactions: number,
  months = 12,
): { category: SizeCategory; transactions: number } | null {
  const current = sizeCategoryOf(terms, transactions, months);
  const index = sizeCategories.indexOf(current);
  const next = sizeCategories[index - 1];
  if (index <= 0 || next === undefined || next === 'andre') return null;
  return { category: next, transactions: scaledThreshold(terms.from[next], months) - transactions };
}
