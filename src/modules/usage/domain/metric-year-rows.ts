/** One year of a metric as the service report's statistics table shows it. */
export interface MetricYearRow {
  year: number;
  /** January to December; null where the month has no data at all (not the same as 0). */
  months: (number | null)[];
  /** The sum of the months that have data; null when none has. */
  total: number | null;
  /** Percent change against the same month a year earlier, one decimal; null when either is missing or the earlier is 0. */
  change: (number | null)[];
  /**
   * The same for the year so far: the months with figures in both years, summed on each side, so that a year still
   * in progress is compared like for like; null when no month has figures in both.
   */
  totalChange: number | null;
}

/** Percent change from `before` to `after`, one decimal; null when there is nothing to compare with. */
export function percentChange(before: number | null, after: number | null): number | null {
  if (before === null || after === null || before === 0) return null;
  return Math.round(((after - before) / before) * 1000) / 10;
}

/** The sum of the values that are present; null when none is. */
export function sumPresent(values: readonly (number | null)[]): number | null {
  const present = values.filter((m): m is number => m !== null);
  return present.length === 0 ? null : present.reduce((sum, m) => sum + m, 0);
}

function monthsOf(figures: ReadonlyMap<string, number>, year: number): (number | null)[] {
  const prefix = String(year).padStart(4, '0');
  return Array.from({ length: 12 }, (_, i) => figures.get(`${prefix}-${String(i + 1).padStart(2, '0')}`) ?? null);
}

/** The change between two years over the months both have figures for. */
function comparableChange(before: readonly (number | null)[], after: readonly (number | null)[]): number | null {
  const both = after.map((m, i) => m !== null && before[i] !== null);
  return percentChange(
    sumPresent(before.map((m, i) => (both[i] ? m : null))),
    sumPresent(after.map((m, i) => (both[i] ? m : null))),
  );
}

/**
 * The table rows for `years` (oldest first, each once) from figures keyed by month (`YYYY-MM`); a month missing
 * from the map has no data. The year before each is read from the same map for its change.
 */
export function metricYearRows(figures: ReadonlyMap<string, number>, years: readonly number[]): MetricYearRow[] {
  return [...new Set(years)]
    .sort((a, b) => a - b)
    .map((year) => {
      const months = monthsOf(figures, year);
      const before = monthsOf(figures, year - 1);
      return {
        year,
        months,
        total: sumPresent(months),
        change: months.map((m, i) => percentChange(before[i] ?? null, m)),
        totalChange: comparableChange(before, months),
      };
    });
}
