/**
 * The share of a year that its first `months` months usually carry, from earlier whole years (twelve monthly
 * figures each): the mean over the years that have any volume. Null when there is no such year, or when those
 * years carried nothing in these months.
 */
export function seasonalShare(history: readonly (readonly number[])[], months: number): number | null {
  const shares = history
    .map((year) => {
      const total = year.reduce((a, b) => a + b, 0);
      return total > 0 ? year.slice(0, months).reduce((a, b) => a + b, 0) / total : null;
    })
    .filter((share): share is number => share !== null);
  const mean = shares.length === 0 ? 0 : shares.reduce((a, b) => a + b, 0) / shares.length;
  return mean > 0 ? mean : null;
}

/**
 * A year's forecast from its first `months` months (`yearToDate`, their sum) and the seasonality of earlier years:
 * year to date divided by the share those months usually carry; without history, the year to date scaled to twelve
 * months. A whole year forecasts itself. Rounded to a whole transaction: a forecast is an estimate, not money.
 */
export function forecastYear(yearToDate: number, months: number, history: readonly (readonly number[])[]): number {
  if (months >= 12) return yearToDate;
  if (months <= 0) return 0;
  const share = seasonalShare(history, months);
  return Math.round(share === null ? (yearToDate * 12) / months : yearToDate / share);
}
