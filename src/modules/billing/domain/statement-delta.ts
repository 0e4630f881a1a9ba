import type { RatedLine } from './rate-period.ts';

/** Lines summed per product and metric, in the order they first appear. */
export function sumLines(lines: readonly RatedLine[]): RatedLine[] {
  const sums = new Map<string, RatedLine>();
  for (const line of lines) {
    const key = `${line.product}\u0000${line.metric}`;
    const sum = sums.get(key);
    if (sum) {
      sum.ore += line.ore;
      sum.weightedTransactions += line.weightedTransactions;
    } else sums.set(key, { ...line });
  }
  return [...sums.values()];
}

/**
 * What a statement bills: the rating of the period (cumulative: the year to date) less what was billed before for
 * the same year, line by line. A line with no change is left out. The rated lines' order is kept; lines billed
 * before that the rating no longer has follow (they are credited in full).
 */
export function statementLines(rated: readonly RatedLine[], billedBefore: readonly RatedLine[]): RatedLine[] {
  const before = new Map(sumLines(billedBefore).map((l) => [`${l.product}\u0000${l.metric}`, l]));
  const lines: RatedLine[] = [];
  for (const line of sumLines(rated)) {
    const key = `${line.product}\u0000${line.metric}`;
    const prior = before.get(key);
    before.delete(key);
    lines.push({
      product: line.product,
      metric: line.metric,
      weightedTransactions: line.weightedTransactions - (prior?.weightedTransactions ?? 0),
      ore: line.ore - (prior?.ore ?? 0),
    });
  }
  for (const prior of before.values())
    lines.push({ ...prior, weightedTransactions: -prior.weightedTransactions, ore: -prior.ore });
  return lines.filter((l) => l.ore !== 0 || l.weightedTransactions !== 0);
}
