/** `Q1`–`Q4` for a provisional quarter, `Y` for the year: sorts in billing order as text. */
export function periodKey(quarter: number | null): string {
  return quarter === null ? 'Y' : `Q${quarter}`;
}

export function quarterOfPeriod(period: string): number | null {
  return period === 'Y' ? null : Number(period.slice(1));
}

export function periodLabel(period: string): string {
  return period === 'Y' ? 'the year' : `quarter ${period.slice(1)}`;
}

/** Statement numbers run per year: `2026-00001`, `2026-00002`, … */
export function statementNumber(year: number, sequence: number): string {
  return `${year}-${String(sequence).padStart(5, '0')}`;
}
