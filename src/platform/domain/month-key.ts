/** A calendar month as `YYYY-MM`; the arithmetic on it is the same whatever the time zone. */
import { z } from 'zod';
import { activeInstantBounds, osloDay } from './input-bounds.ts';

/** `YYYY-MM` with a month 01–12. */
export const monthPattern = /^\d{4}-(0[1-9]|1[0-2])$/;

/** What an input that is not such a month is told. */
export const monthMessage = 'a month as YYYY-MM';

/** The form only, for values that are not input (stored rows, presenters). */
export const monthSchema = z.string().regex(monthPattern, monthMessage);

/** The Oslo month of an instant. */
export function monthOf(at: number): string {
  return osloDay(at).slice(0, 7);
}

/**
 * Why `month` is implausible, or null: before the month of the earliest date accepted, or more than `ahead` months
 * after the month of `now`. Month keys compare as text.
 */
export function monthProblem(month: string, bounds: { earliest: number; now: number }, ahead: number): string | null {
  const first = monthOf(bounds.earliest);
  if (month < first) return `is before ${first}, the earliest month accepted`;
  const last = shiftMonth(monthOf(bounds.now), ahead);
  if (month > last) return ahead === 0 ? 'is after the current month' : `is after ${last}`;
  return null;
}

/**
 * A month entered by a caller: the form, and while an operation parses its input, no earlier than the configured
 * earliest date and at most `ahead` months after the current one (0: not after the current month).
 */
export function monthKey(options: { ahead: number }) {
  return monthSchema.superRefine((month, ctx) => {
    const bounds = activeInstantBounds();
    const problem = bounds === null ? null : monthProblem(month, bounds, options.ahead);
    if (problem !== null) ctx.addIssue({ code: 'custom', message: problem });
  });
}

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
