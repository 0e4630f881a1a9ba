/**
 * Splits a whole number of øre (or any unit) into parts proportional to integer weights, so that the parts are whole
 * and add up to the total exactly: the largest-remainder (Hamilton) method.
 *
 * Every part first gets the floor of its exact share `total × weight / Σ weights`; the units left over (fewer than
 * the number of parts) go one each to the parts with the largest remainders. **Ties** (equal remainders) go to the
 * part that comes first in the input, so callers fix the order: the billing module always lists owners by code,
 * products in the catalogue's order and metrics by id. The arithmetic is done in BigInt, because a total of
 * hundreds of millions of øre times weights of billions of transactions is far beyond 2^53, where floating point
 * would round.
 *
 * Guarantees (checked by a property test): the parts sum to `total`; no part is negative; each part is within one
 * unit of its exact share (floor or floor + 1); a part with weight 0 gets 0; the same input gives the same output.
 */
export function splitLargestRemainder(total: number, weights: readonly number[]): number[] {
  if (!Number.isSafeInteger(total) || total < 0) throw new RangeError('total must be a whole number ≥ 0');
  let sum = 0n;
  const big = weights.map((w) => {
    if (!Number.isSafeInteger(w) || w < 0) throw new RangeError('weights must be whole numbers ≥ 0');
    const b = BigInt(w);
    sum += b;
    return b;
  });
  if (sum === 0n) {
    if (total === 0) return weights.map(() => 0);
    throw new RangeError('cannot split a positive total over weights that are all 0');
  }
  const whole = BigInt(total);
  const parts = big.map((w) => (whole * w) / sum);
  const remainders = big.map((w, index) => ({ index, remainder: (whole * w) % sum }));
  let left = whole - parts.reduce((a, b) => a + b, 0n);
  remainders.sort((a, b) => (a.remainder === b.remainder ? a.index - b.index : a.remainder > b.remainder ? -1 : 1));
  for (const { index } of remainders) {
    if (left === 0n) break;
    parts[index] = (parts[index] ?? 0n) + 1n;
    left -= 1n;
  }
  return parts.map(Number);
}

/** Splits a yearly amount into four quarters (equal weights: the first quarters take the leftover øre). */
export function quarterParts(yearly: number): number[] {
  return splitLargestRemainder(yearly, [1, 1, 1, 1]);
}

/** The part of a yearly amount billed through quarter `quarter` (1–4): the sum of its first quarters. */
export function throughQuarter(yearly: number, quarter: number): number {
  return quarterParts(yearly)
    .slice(0, quarter)
    .reduce((a, b) => a + b, 0);
}
