/** A calendar month as `YYYY-MM`; the arithmetic on it is the same whatever the time zone. */
import { z } from 'zod';

/** `YYYY-MM` with a month 01–12. */
export const monthPattern = /^\d{4}-(0[1-9]|1[0-2])$/;

/** What an input that is not such a month is told. */
export const monthMessage = 'a month as YYYY-MM';

export const monthSchema = z.string().regex(monthPattern, monthMessage);

/** `YYYY-MM` → year and month, or null when it is not such a month. */
export function parseMonthKey(key: string): { year: number; month: number } | null {
  return monthPattern.test(key) ? { year: Number(key.slice(0, 4)), month: Number(key.slice(5, 7)) } : null;
}

/** The month `by` months after (or before, when negative) `month`. */
export function shiftMonth(month: string, by: number): string {
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + by;
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** `count` months ending with `last`, oldest first. */
export function monthsEnding(last: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => shiftMonth(last, i - count + 1));
}
