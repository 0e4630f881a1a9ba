// Command-line option values checked the same way by every command: a bad one is a usage error naming the option.
import { parseInstant } from '../domain/calendar/iso-instant.ts';
import { parseMonthKey } from '../domain/month-key.ts';
import { UsageError } from './cli-run.ts';

/** An ISO 8601 instant given to option `name`. */
export function instantArg(name: string, value: string): number {
  const instant = parseInstant(value);
  if (instant === null)
    throw new UsageError(`${name}: not an ISO 8601 instant (e.g. 2026-03-30T08:45:00+02:00): ${value}`);
  return instant;
}

/** A `YYYY-MM` month given to option `name`, as year and month. */
export function monthArg(name: string, value: string): { year: number; month: number } {
  const month = parseMonthKey(value);
  if (!month) throw new UsageError(`${name}: expected YYYY-MM: ${value}`);
  return month;
}

/** Why a number was refused: each command words it its own way. */
export type NumberFault = 'not a number' | 'out of range' | 'not whole';

export interface NumberRule {
  min: number;
  max?: number;
  /** Takes a fraction (an amount of hours); only whole numbers otherwise. */
  fractions?: boolean;
}

/**
 * A number given to option `name`, within the rule; otherwise a usage error `name: expected`, where `expected` is the
 * same for every fault (`a whole number 0–65535`) or chosen by it. A blank value is not a number.
 */
export function numberOption(
  name: string,
  value: string,
  rule: NumberRule,
  expected: string | ((fault: NumberFault) => string),
): number {
  const n = Number(value);
  const fault: NumberFault | null =
    value.trim() === '' || !Number.isFinite(n)
      ? 'not a number'
      : n < rule.min || n > (rule.max ?? Infinity)
        ? 'out of range'
        : !rule.fractions && !Number.isInteger(n)
          ? 'not whole'
          : null;
  if (fault === null) return n;
  throw new UsageError(`${name}: ${typeof expected === 'string' ? expected : expected(fault)}`);
}
